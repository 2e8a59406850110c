//! `awayday report --format docx`: the Word file read back as Word reads it (the zip and its
//! XML parts): Word's own heading styles, tables whose header rows repeat, A4 pages with
//! margins, numbered footers, and every finding and action of the session in the text.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use std::io::Read;
use std::process::Command;

use awayday::session::{ActionItem, Column, Edit, Findings, History, Score};

/// The parts of a `.docx` file by name.
fn parts(bytes: &[u8]) -> std::collections::BTreeMap<String, String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = std::collections::BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut text = String::new();
        f.read_to_string(&mut text).unwrap();
        out.insert(f.name().to_owned(), text);
    }
    out
}

/// Each `<w:tbl>…</w:tbl>` of the document, in order.
fn tables(doc: &str) -> Vec<&str> {
    doc.split("<w:tbl>")
        .skip(1)
        .map(|t| &t[..t.find("</w:tbl>").unwrap()])
        .collect()
}

/// A session as a council ends the day with it: long group names, findings, an action.
fn session(groups: usize) -> (awayday::framework::Framework, awayday::session::Session) {
    let fw = common::benchmark();
    let mut s = awayday::demo::session(&fw, groups, Some(40));
    let names = [
        "Cabinet",
        "Corporate Management Team",
        "Scrutiny",
        "Heads of Service",
        "Partners",
        "Staff panel",
        "Unions",
        "Parishes",
    ];
    s.groups = names[..groups].iter().map(|n| (*n).to_owned()).collect();
    // The demo's scores were keyed by its own names; score one statement under the new ones.
    common::set_score(&mut s, "1.1", Column::Group(0), Some(Score::Level(3)));
    common::set_actions(
        &mut s,
        "2.1",
        vec![ActionItem {
            text: "Publish the corporate plan & its measures".into(),
            owner: "Chief Executive".into(),
            due: "2027-03-31".into(),
            recommendation: Some(1),
            ..ActionItem::default()
        }],
    );
    let findings = Findings {
        strengths: "A clear <ambition> shared by members.".into(),
        judgement: Some(3),
        recommendations: vec!["Agree the plan with partners.".into()],
        ..Findings::default()
    };
    History::default().apply(
        &mut s,
        Edit::Findings {
            node: Some("2.1".into()),
            before: Findings::default(),
            after: findings,
        },
    );
    (fw, s)
}

#[test]
fn the_word_report_has_word_styles_repeating_header_rows_a4_pages_and_page_numbers() {
    for groups in [1, 4, 8] {
        let (fw, s) = session(groups);
        let report = awayday::report::model::build(&fw, &s);
        let bytes = awayday::report::to_docx(&report).unwrap();
        let parts = parts(&bytes);
        let doc = &parts["word/document.xml"];
        let styles = &parts["word/styles.xml"];

        // Word's built-in styles by their ids and names, so a template restyles them.
        for (id, name) in [
            ("Title", "Title"),
            ("Heading1", "heading 1"),
            ("Heading2", "heading 2"),
            ("Heading3", "heading 3"),
        ] {
            assert!(
                styles.contains(&format!("w:styleId=\"{id}\""))
                    && styles.contains(&format!("<w:name w:val=\"{name}\"")),
                "style {id} missing: {styles}"
            );
        }
        assert!(styles.contains("w:default=\"1\" w:styleId=\"Normal\""));
        for used in ["Title", "Heading1", "Heading2", "Heading3"] {
            assert!(
                doc.contains(&format!("<w:pStyle w:val=\"{used}\" />")),
                "{used} unused"
            );
        }
        // Every table's first row, and only it, repeats at the top of each page.
        let tables = tables(doc);
        assert!(tables.len() >= 3, "{} tables", tables.len());
        for t in &tables {
            let rows: Vec<&str> = t.split("<w:tr>").skip(1).collect();
            assert!(
                rows[0].contains("<w:tblHeader />"),
                "header row: {}",
                rows[0]
            );
            assert!(rows[1..].iter().all(|r| !r.contains("<w:tblHeader")));
        }
        // A4, portrait for a few groups, landscape past four; 20 mm margins.
        let a4 = if groups > 4 {
            "<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\" />"
        } else {
            "<w:pgSz w:w=\"11906\" w:h=\"16838\" w:orient=\"portrait\" />"
        };
        assert!(doc.contains(a4), "{groups} groups: {doc}");
        assert!(doc.contains("w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\""));
        // The footer is referenced and numbers the pages.
        assert!(doc.contains("<w:footerReference w:type=\"default\""));
        let footer = &parts["word/footer1.xml"];
        assert!(footer.contains("PAGE"), "{footer}");
        // The content: every group, the findings (escaped, not dropped), the action.
        for g in &s.groups {
            assert!(doc.contains(&format!(">{g} mean<")), "{g}");
        }
        assert!(doc.contains("A clear &lt;ambition&gt; shared by members."));
        assert!(doc.contains("Publish the corporate plan &amp; its measures"));
        assert!(doc.contains("1. Agree the plan with partners."));
    }
}

#[test]
fn the_command_writes_the_file_and_pipes_the_bytes_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("s.ron");
    std::fs::copy(common::fixture("mini-session.ron"), &session).unwrap();
    std::fs::copy(
        common::fixture("mini-framework.ron"),
        dir.path().join("mini-framework.ron"),
    )
    .unwrap();
    let out = dir.path().join("report.docx");
    let run = |extra: &[&std::ffi::OsStr]| {
        Command::new(env!("CARGO_BIN_EXE_awayday"))
            .arg("report")
            .arg(&session)
            .args(["--format", "docx"])
            .args(extra)
            .output()
            .unwrap()
    };
    let o = run(&["-o".as_ref(), out.as_os_str()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let file = std::fs::read(&out).unwrap();
    assert!(parts(&file)["word/document.xml"].contains("Scrutiny review"));
    // Piped (not a terminal), the same archive arrives byte for byte, readable.
    let piped = run(&[]);
    assert!(piped.status.success());
    assert!(parts(&piped.stdout)["word/document.xml"].contains("Appoint a scrutiny officer"));
}
