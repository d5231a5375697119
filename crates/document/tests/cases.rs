//! Small cases, one rule each, snapshotted as listings.

mod common;

use document::{Document, Format};

macro_rules! text {
    ($name:ident, $input:expr) => {
        #[test]
        fn $name() {
            insta::assert_snapshot!(
                stringify!($name),
                common::render(Document::from_text($input))
            );
        }
    };
}

macro_rules! bytes {
    ($name:ident, $input:expr) => {
        #[test]
        fn $name() {
            let doc = Document::from_bytes($input, Format::Auto);
            insta::assert_snapshot!(stringify!($name), common::render(doc));
        }
    };
}

// Bad input.
bytes!(empty, b"");
bytes!(whitespace_only, b" \n\t\r\n ");
bytes!(bom_only, b"\xEF\xBB\xBF  \n");
bytes!(binary, b"PK\x03\x04\x00\x00abc.");
bytes!(invalid_utf8, b"Prices rose \xff\xfe sharply.");
bytes!(bom_then_text, b"\xEF\xBB\xBFPrices rose 4% last year.");
bytes!(
    only_headlines,
    b"Ministers meet as talks begin\nMarkets rally on rate hopes"
);
bytes!(html_empty_body, b"<html><body></body></html>");
bytes!(
    html_script_only,
    b"<html><body><script>var a = 'Prices rose.';</script></body></html>"
);
text!(whitespace_text, "   ");

// Format sniffing.
bytes!(auto_html_doctype, b"  <!DOCTYPE html><html><body><p>Rents rose by 9% in London, the agency said.</p></body></html>");
bytes!(
    auto_block_tags,
    b"<div><p>Rents rose 9% last year.</p><p>They fell in 2020.</p></div>"
);
bytes!(
    auto_text_with_angle,
    b"Profits were < 5% of sales. That is low."
);

// Furniture.
text!(label_colon, "Politics latest:\nTaxes rose 2% last year.");
text!(
    said_colon_is_not_label,
    "Jane Hollis said:\n\u{201c}Taxes rose 2% last year.\u{201d}"
);
text!(
    headline_with_quote,
    "Minister says chancellor\u{2019}s plan \u{2018}right\u{2019}\nTaxes rose 2% last year."
);
text!(
    sentence_ending_in_quote,
    "He called it \u{2018}a disgrace.\u{2019}\nTaxes rose 2% last year."
);
text!(
    boilerplate_lines,
    "Advertisement\nShare this article\nTaxes rose 2% last year.\nImage caption\nClick here"
);
text!(
    long_colon_line_is_prose,
    "The figures for the last three financial years break down as follows:\nTaxes rose 2% last year."
);

// Sentences.
text!(
    split_titles,
    "Mrs Lane met Dr. Roy and St John. They talked."
);
text!(
    split_decimal,
    "Output grew 2.1 million tonnes. Prices fell 0.5%."
);
text!(
    split_initials,
    "The book by J. R. Tolley sold well. It won prizes."
);
text!(
    split_ellipsis,
    "We waited… Nothing came. We waited... and waited. Then it came."
);
text!(
    split_quote_end,
    "She said \u{201c}it is over.\u{201d} Then she left."
);
text!(
    split_question_exclaim,
    "Was it worth it? Yes! Costs fell by half."
);
text!(
    split_eg_ie,
    "Some goods, e.g. bread, got dearer. Others, i.e. fuel, did not."
);
text!(
    split_us_uk,
    "Trade between the U.K. and the U.S. rose. Exports led."
);
text!(
    split_months,
    "The deal was signed on Jan. 12 and Sept. 3. Both dates mattered."
);
text!(
    split_no,
    "The count reached No. 7 by noon. It then stopped."
);
text!(
    split_etc,
    "Fuel, food, rent etc. Rose sharply. Wages lagged."
);

// Attribution.
text!(
    according_to_person,
    "Crime fell 5% last year, according to Jane Smith."
);
text!(
    according_to_org,
    "According to the Home Office, 2,000 people arrived in June."
);
text!(
    according_to_data,
    "According to Home Office data, 2,000 people arrived in June."
);
text!(
    official_figures_show,
    "Official figures show 2,000 people arrived in June."
);
text!(
    new_data_shows,
    "New Home Office data shows 2,000 people arrived in June."
);
text!(name_said, "Jane Smith said 2,000 people arrived in June.");
text!(said_name, "Numbers rose to 2,000, said Jane Smith.");
text!(
    title_said_resolves,
    "Jane Smith spoke first.\nNumbers rose to 2,000, Ms Smith said."
);
text!(title_unknown, "Numbers rose to 2,000, Mr Grant said.");
text!(
    she_told_mps,
    "Jane Smith spoke first. She told MPs the total was 2,000."
);
text!(
    he_added_colon,
    "Ray Tull spoke. He added: \u{201c}The total was 2,000.\u{201d}"
);
text!(
    minister_claimed,
    "The minister claimed the total was 2,000."
);
text!(
    role_resolves,
    "Home Secretary Nina Rowe spoke.\nThe home secretary said the total was 2,000."
);
text!(
    statement_from,
    "A statement from the Home Office said the total was 2,000."
);
text!(
    spokesperson_said,
    "A Home Office spokesperson said the total was 2,000."
);
text!(
    officials_say,
    "Home Office officials say the total was 2,000."
);
text!(
    source_from_department,
    "A source from the department said the total was 2,000."
);
text!(department_said, "The department said the total was 2,000.");
text!(
    no_attribution,
    "The total was 2,000. It was higher in 2019."
);
text!(
    quote_inside_is_not_attribution,
    "\u{201c}The minister said it was 2,000,\u{201d} Ann Lee said."
);
text!(
    scare_quotes_not_quoted,
    "Cooperation has been \u{201c}stepped up\u{201d} since 2020."
);
text!(
    straight_quotes,
    "Ann Lee said: \"We built 400 homes. We will build 600 more.\""
);
text!(pronoun_without_antecedent, "She said the total was 2,000.");
text!(
    apposition,
    "Kim Dale, the mayor, said 40 buses were added.\nThe mayor said more would follow."
);
text!(
    quote_backfill,
    "\u{201c}We built 400 homes. We will build 600 more,\u{201d} Ann Lee said."
);
text!(
    mixed_unicode,
    "Zoë Ångström said the café served 1,000 crêpes… 🎉 Then it closed."
);
text!(
    continuation_paragraph,
    "Ann Lee said: \u{201c}We built 400 homes.\u{201d}\n\u{201c}We will build 600 more.\u{201d}\nBuilding slowed in 2023."
);
text!(
    continuation_overridden,
    "Ann Lee said: \u{201c}We built 400 homes.\u{201d}\n\u{201c}That is not enough,\u{201d} Tom Hay said."
);
text!(
    open_quote_across_paragraphs,
    "Ann Lee said: \u{201c}We built 400 homes.\n\u{201c}We will build 600 more.\nBuilding slowed in 2023."
);
text!(
    short_quote_after_colon,
    "Ann Lee added: \u{201c}Never again.\u{201d}"
);
text!(
    told_the_bbc,
    "Ann Lee told the BBC that 400 homes were built."
);
bytes!(
    html_no_article_fallback,
    b"<html><body><header>Site</header><div>Tolls rose 3% in May, the operator said.</div><aside>Related: Tolls</aside></body></html>"
);

#[test]
fn the_headline_is_the_title_or_a_first_line_standing_alone() {
    let text =
        Document::from_text("Crossings fall in spring\n\nSome 3,000 people crossed in April.")
            .unwrap();
    assert_eq!(text.headline(), Some("Crossings fall in spring"));
    let no_headline =
        Document::from_text("Some 3,000 people crossed in April.\nRead more\n").unwrap();
    assert_eq!(no_headline.headline(), None);
    let html = Document::from_html(
        "<html><head><title>Returns rise</title></head><body><p>Some 3,000 people were returned in April.</p></body></html>",
    )
    .unwrap();
    assert_eq!(html.headline(), Some("Returns rise"));
}

text!(
    pronoun_after_a_role,
    "The Home Secretary said returns had risen by a fifth.\n\n\"We have detained more than 15,000 people,\" she added."
);
