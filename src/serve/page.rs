//! The group's page: what a phone shows. Built from a [`View`] — exactly what this group may
//! know — so nothing else can reach the page: before the reveal it holds the group's own vote
//! and who else has voted, never what. Every text from the session is HTML-escaped.

use std::fmt::Write;
use std::hash::{Hash, Hasher};

use super::board::{OpenStatement, Slot, Snapshot};
use crate::session::Score;

/// What one group may see now.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum View {
    /// Nothing is open for voting.
    Waiting { group: String },
    /// A statement is open: the group's own vote, and which groups have voted.
    Open {
        group: String,
        statement: OpenStatement,
        own: Option<Score>,
        voted: Vec<(String, bool)>,
    },
    /// The facilitator has revealed the scores: voting is over, every score is shown.
    Revealed {
        group: String,
        statement: OpenStatement,
        scores: Vec<(String, Option<Score>)>,
    },
}

impl View {
    /// The view for `slot`'s group of the room in `snapshot`.
    pub fn of(snapshot: &Snapshot, slot: &Slot) -> View {
        let group = slot.name.clone();
        match &snapshot.open {
            None => View::Waiting { group },
            Some(statement) if snapshot.revealed => View::Revealed {
                group,
                statement: statement.clone(),
                scores: snapshot
                    .groups
                    .iter()
                    .map(|g| (g.name.clone(), g.vote))
                    .collect(),
            },
            Some(statement) => View::Open {
                group,
                statement: statement.clone(),
                own: slot.vote,
                voted: snapshot
                    .groups
                    .iter()
                    .map(|g| (g.name.clone(), g.vote.is_some()))
                    .collect(),
            },
        }
    }

    /// A short fingerprint of the view: the page polls it and reloads when it changes, so it
    /// says no more than the page does.
    pub fn version(&self) -> String {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.hash(&mut h);
        format!("{:016x}", h.finish())
    }
}

/// The page's look: large type, strong contrast, buttons a thumb can hit, a visible focus.
const STYLE: &str = "body{font:18px/1.4 system-ui,sans-serif;margin:0;background:#fff;color:#111}\
main{max-width:36rem;margin:0 auto;padding:1rem}\
h1{font-size:1.25rem;margin:.5rem 0 1rem}\
.id{color:#444;font-size:.9rem}\
fieldset{border:0;padding:0;margin:0}legend{font-weight:600;margin-bottom:.5rem}\
button{display:block;width:100%;text-align:left;font:inherit;margin:.4rem 0;padding:.6rem .8rem;\
min-height:3rem;border:2px solid #1a4d8f;border-radius:.5rem;background:#eef3fb;color:#111}\
button[aria-pressed=true]{background:#1a4d8f;color:#fff}\
button:focus-visible{outline:3px solid #b35c00;outline-offset:2px}\
.m{display:block;font-size:.9rem}\
.status{background:#f3f3f3;padding:.6rem;border-radius:.5rem}\
ul{padding-left:1.2rem}";

/// The script that keeps the page live: asks for the view's fingerprint now and then and
/// reloads when it changes. Without it, the page refreshes itself every few seconds.
pub const POLL_JS: &str = "(function(){var v=document.documentElement.getAttribute('data-v');\
setInterval(function(){fetch(location.pathname+'/state',{cache:'no-store'})\
.then(function(r){return r.ok?r.text():v}).then(function(t){if(t!==v)location.reload()})\
.catch(function(){})},1500)})();";

/// The page's security policy: its own script and style only, forms posted back here alone.
pub const POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; \
connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// The page for a group, whose link is `/g/{token}`.
pub fn render(view: &View, token: &str) -> String {
    let (group, body) = match view {
        View::Waiting { group } => (
            group,
            "<p class=\"status\" role=\"status\">Waiting for the facilitator to open a statement. \
             This page follows by itself.</p>"
                .to_owned(),
        ),
        View::Open {
            group,
            statement,
            own,
            voted,
        } => (group, open(statement, *own, voted, token)),
        View::Revealed {
            group,
            statement,
            scores,
        } => (group, revealed(statement, scores)),
    };
    shell(
        &format!("{} · awayday", esc(group)),
        &view.version(),
        &format!("<p>Voting for <strong>{}</strong></p>{body}", esc(group)),
    )
}

/// A short page with one message (a closed statement, an old link).
pub fn message(title: &str, text: &str, back: Option<&str>) -> String {
    let link = back.map_or(String::new(), |href| {
        format!(
            "<p><a href=\"{}\">Back to your group's page</a></p>",
            esc(href)
        )
    });
    shell(
        title,
        "",
        &format!("<h1>{}</h1><p>{}</p>{link}", esc(title), esc(text)),
    )
}

fn shell(title: &str, version: &str, main: &str) -> String {
    let live = if version.is_empty() {
        String::new()
    } else {
        "<noscript><meta http-equiv=\"refresh\" content=\"5\"></noscript>".to_owned()
    };
    let script = if version.is_empty() {
        ""
    } else {
        "<script src=\"/poll.js\"></script>"
    };
    format!(
        "<!doctype html><html lang=\"en\" data-v=\"{version}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title>{live}<style>{STYLE}</style></head><body><main>{main}</main>\
         {script}</body></html>"
    )
}

fn open(
    statement: &OpenStatement,
    own: Option<Score>,
    voted: &[(String, bool)],
    token: &str,
) -> String {
    let mut out = heading(statement);
    let _ = write!(
        out,
        "<form method=\"post\" action=\"/g/{}\"><input type=\"hidden\" name=\"statement\" value=\"{}\">\
         <fieldset><legend>Your group's score</legend>",
        esc(token),
        esc(&statement.id)
    );
    for level in &statement.scale {
        let pressed = own == Some(Score::Level(level.value));
        let _ = write!(
            out,
            "<button name=\"score\" value=\"{}\" aria-pressed=\"{pressed}\"><strong>{} {}</strong>\
             <span class=\"m\">{}</span></button>",
            level.value,
            level.value,
            esc(&level.label),
            esc(&level.meaning)
        );
    }
    let na = own == Some(Score::NotApplicable);
    let _ = write!(
        out,
        "<button name=\"score\" value=\"na\" aria-pressed=\"{na}\"><strong>{}</strong></button>",
        esc(&statement.not_applicable)
    );
    if own.is_some() {
        out.push_str("<button name=\"score\" value=\"clear\">Take our vote back</button>");
    }
    out.push_str("</fieldset></form>");
    let said = match own {
        Some(score) => format!(
            "You voted {}. You can change it until the facilitator shows the scores.",
            esc(&describe(statement, score))
        ),
        None => "You have not voted yet.".to_owned(),
    };
    let waiting: Vec<String> = voted
        .iter()
        .filter(|(_, done)| !done)
        .map(|(name, _)| esc(name))
        .collect();
    let count = voted.iter().filter(|(_, done)| *done).count();
    let _ = write!(
        out,
        "<p class=\"status\" role=\"status\">{said}<br>{count} of {} groups have voted.{}</p>",
        voted.len(),
        if waiting.is_empty() {
            String::new()
        } else {
            format!(" Waiting for {}.", waiting.join(", "))
        }
    );
    out
}

fn revealed(statement: &OpenStatement, scores: &[(String, Option<Score>)]) -> String {
    let mut out = heading(statement);
    out.push_str(
        "<p class=\"status\" role=\"status\">The facilitator has shown the scores; voting on this \
         statement is over.</p><ul>",
    );
    for (name, score) in scores {
        let said = score.map_or("no vote".to_owned(), |s| describe(statement, s));
        let _ = write!(out, "<li>{}: {}</li>", esc(name), esc(&said));
    }
    out.push_str("</ul>");
    out
}

fn heading(statement: &OpenStatement) -> String {
    format!(
        "<p class=\"id\">Statement {}</p><h1>{}</h1>",
        esc(&statement.id),
        esc(&statement.text)
    )
}

/// A score in words: "3 (Established)" or the scale's name for not applicable.
fn describe(statement: &OpenStatement, score: Score) -> String {
    match score {
        Score::Level(v) => match statement.scale.iter().find(|l| l.value == v) {
            Some(level) => format!("{v} ({})", level.label),
            None => v.to_string(),
        },
        Score::NotApplicable => statement.not_applicable.clone(),
    }
}

/// Text made safe to put in HTML, in an element or a quoted attribute.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
