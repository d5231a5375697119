//! Putting a document together: furniture, sentences, speakers.
//!
//! Both readers (plain text and HTML) end here with a text and its paragraphs. Attribution
//! runs in reading order because it depends on what came before: who was named last, and
//! whether a quotation opened earlier is still open.

use std::ops::Range;

use crate::names::People;
use crate::words::{self, Scan};
use crate::{
    Attribution, Document, Error, Furniture, FurnitureReason, Metadata, Sentence, SpeakerKind,
};
use crate::{attribute, furniture, split};

pub(crate) fn document(
    text: String,
    paragraphs: Vec<Range<usize>>,
    metadata: Metadata,
) -> Result<Document, Error> {
    let mut dropped = Vec::new();
    let mut spans = Vec::new();
    for (i, para) in paragraphs.iter().enumerate() {
        match furniture::classify(&text[para.clone()]) {
            Some(reason) => dropped.push(Furniture {
                span: para.clone(),
                reason,
            }),
            None => spans.extend(
                split::sentences(&text, para.clone())
                    .into_iter()
                    .map(|s| (i, s)),
            ),
        }
    }
    if spans.is_empty() {
        return Err(Error::NoText {
            reason: no_text_reason(paragraphs.len(), &dropped),
        });
    }
    let mut reader = Reader::new(&text);
    let sentences = spans.into_iter().map(|(p, s)| reader.read(p, s)).collect();
    let mut sentences: Vec<Sentence> = sentences;
    reader.backfill(&mut sentences);
    Ok(Document {
        text,
        paragraphs,
        sentences,
        furniture: dropped,
        metadata,
    })
}

fn no_text_reason(paragraphs: usize, dropped: &[Furniture]) -> String {
    if paragraphs == 0 {
        return "no paragraphs were found".to_owned();
    }
    let count = |r: FurnitureReason| dropped.iter().filter(|f| f.reason == r).count();
    format!(
        "all {paragraphs} paragraph(s) were page furniture ({} headline, {} label, {} boilerplate)",
        count(FurnitureReason::Headline),
        count(FurnitureReason::Label),
        count(FurnitureReason::Boilerplate),
    )
}

/// A direct quotation running over several sentences.
#[derive(Debug)]
struct Run {
    members: Vec<usize>,
    speaker: Option<Attribution>,
    /// The speaker was given by the text, not carried over from the previous paragraph.
    firm: bool,
}

/// Reading state carried from sentence to sentence.
struct Reader<'a> {
    text: &'a str,
    people: People,
    open: bool,
    run: Option<Run>,
    pending: Option<Attribution>,
    paragraph: Option<usize>,
    last: Option<(bool, Option<Attribution>)>,
    carry: Option<Attribution>,
    fills: Vec<(Vec<usize>, Attribution)>,
    count: usize,
}

impl<'a> Reader<'a> {
    fn new(text: &'a str) -> Self {
        Reader {
            text,
            people: People::default(),
            open: false,
            run: None,
            pending: None,
            paragraph: None,
            last: None,
            carry: None,
            fills: Vec::new(),
            count: 0,
        }
    }

    fn read(&mut self, paragraph: usize, span: Range<usize>) -> Sentence {
        let new_paragraph = self.paragraph != Some(paragraph);
        let body = &self.text[span.clone()];
        if new_paragraph {
            self.start_paragraph(paragraph, body);
        }
        let started_open = self.open;
        let scan = words::scan(self.text, span.clone(), started_open);
        let own = attribute::find(self.text, &scan.tokens, &self.people);
        let (speaker, firm) = match own.clone() {
            Some(a) => (Some(a), true),
            None => self.inherited(started_open, &scan, new_paragraph),
        };
        let introduced = own.as_ref().is_some_and(|a| a.cue.ends_with(':'));
        let quoted = started_open
            || scan.starts_with_quote
            || scan.longest_quote >= 4
            || (introduced && scan.longest_quote > 0);
        let opened = Run {
            members: vec![self.count],
            speaker: speaker.clone(),
            firm,
        };
        self.track_quotation(started_open, &scan, own.as_ref(), opened);
        self.pending = speaker.clone().filter(|_| body.ends_with(':'));
        self.remember(&scan, speaker.as_ref());
        self.last = Some((quoted, speaker.clone()));
        self.count += 1;
        Sentence {
            span,
            paragraph,
            speaker,
            quoted,
        }
    }

    fn start_paragraph(&mut self, paragraph: usize, body: &str) {
        let opens = body.starts_with(['“', '"', '«']);
        self.open = self.open && opens;
        if !self.open {
            self.run = None;
        }
        self.carry = match &self.last {
            Some((true, speaker)) if opens => speaker.clone(),
            _ => None,
        };
        self.paragraph = Some(paragraph);
    }

    /// The speaker of a sentence that does not name one: that of an open quotation, of a
    /// "He said:" just before, or of the quoted paragraph before.
    fn inherited(
        &mut self,
        started_open: bool,
        scan: &Scan<'_>,
        new_paragraph: bool,
    ) -> (Option<Attribution>, bool) {
        if started_open {
            return self
                .run
                .as_ref()
                .map_or((None, false), |r| (r.speaker.clone(), r.firm));
        }
        if !scan.starts_with_quote {
            return (None, false);
        }
        if let Some(pending) = self.pending.take() {
            return (Some(pending), true);
        }
        let carried = if new_paragraph {
            self.carry.clone()
        } else {
            None
        };
        (carried, false)
    }

    fn track_quotation(
        &mut self,
        started_open: bool,
        scan: &Scan<'_>,
        own: Option<&Attribution>,
        opened: Run,
    ) {
        if started_open {
            self.join_run(own);
        }
        self.run = if !scan.open_at_end {
            None
        } else if !started_open || scan.closes {
            Some(opened)
        } else {
            self.run.take()
        };
        self.open = scan.open_at_end;
    }

    /// Adds the current sentence to the open quotation; a speaker it names is given to the
    /// whole quotation unless the quotation already had one from the text.
    fn join_run(&mut self, own: Option<&Attribution>) {
        let Some(run) = self.run.as_mut() else {
            return;
        };
        run.members.push(self.count);
        if let Some(own) = own.filter(|_| !run.firm) {
            self.fills.push((run.members.clone(), own.clone()));
            run.speaker = Some(own.clone());
            run.firm = true;
        }
    }

    fn remember(&mut self, scan: &Scan<'_>, speaker: Option<&Attribution>) {
        self.people.observe(self.text, &scan.tokens);
        let named = |a: &&Attribution| {
            a.kind == SpeakerKind::Person
                && a.name.starts_with(char::is_uppercase)
                && a.name.contains(' ')
        };
        match speaker {
            Some(a) if named(&a) => self.people.mention(&a.name),
            // "the Home Secretary said ...", her name unknown: "she added" is her too.
            Some(a) if a.kind == SpeakerKind::Person && !a.cue.is_empty() => {
                self.people.mention_role(&a.name);
            }
            _ => {}
        }
    }

    /// Gives the sentences of a quotation the speaker named when it closed.
    fn backfill(&mut self, sentences: &mut [Sentence]) {
        for (members, speaker) in self.fills.drain(..) {
            for i in members {
                if let Some(s) = sentences.get_mut(i) {
                    s.speaker = Some(speaker.clone());
                }
            }
        }
    }
}
