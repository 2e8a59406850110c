//! `awayday report --format docx`: the Word file read back as Word reads it (the zip and its
//! XML parts): Word's own heading styles, tables whose header rows repeat, A4 pages with
//! margins, numbered footers, and every finding and action of the session in the text.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use std::io::Read;
use std::process::Command;

use awayday::report::doc::Block;
use awayday::session::{ActionItem, Column, Edit, Findings, History, Score};

/// Text as it is written in the document's XML.
fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\'', "&apos;")
        .replace('"', "&quot;")
}

/// The plain text of a piece of the document's XML: the tags dropped.
fn text(xml: &str) -> String {
    let mut out = String::new();
    let mut tag = false;
    for c in xml.chars() {
        match c {
            '<' => tag = true,
            '>' => tag = false,
            c if !tag => out.push(c),
            _ => {}
        }
    }
    out
}

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
        // Every heading of the document, in order, as Word's heading one level up (the
        // title is Title).
        let d = awayday::report::layout::document(&report);
        // From the first heading on: the contents list names the sections before it.
        let mut at = doc.find("w:val=\"Heading1\"").unwrap();
        for b in &d.blocks {
            if let Block::Heading { level, text, .. } = b {
                let want = format!("<w:pStyle w:val=\"Heading{}\" />", level - 1);
                let found = doc[at..]
                    .find(&format!(">{}<", xml(text)))
                    .map_or_else(|| panic!("heading {text} missing"), |i| at + i);
                let para = &doc[doc[..found].rfind("<w:p ").unwrap()..found];
                assert!(para.contains(&want), "{text}: {para}");
                at = found;
            }
        }
        assert!(doc.contains("<w:pStyle w:val=\"Title\" />"));
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
        // Figures (means, scores, dates) centred in their columns; nothing else is centred.
        assert!(
            doc.contains("<w:jc w:val=\"center\" />"),
            "figures not centred"
        );
        // A4, portrait, turning landscape for a table too wide for it; 20 mm margins.
        assert!(doc.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\" w:orient=\"portrait\" />"));
        let any_wide = d
            .blocks
            .iter()
            .any(|b| matches!(b, Block::Table(t) if t.wide()));
        // Eight long group names make the groups' scores too wide for a portrait page.
        assert!(
            groups < 8 || any_wide,
            "the landscape case is not exercised"
        );
        assert_eq!(
            doc.contains("<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\" />"),
            any_wide,
            "{groups} groups"
        );
        assert!(doc.contains("w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\""));
        // The footer is referenced and numbers the pages.
        // Every section (a run of portrait or landscape pages) has the numbered footer: the
        // first would otherwise have none.
        let sections = doc.matches("<w:sectPr>").count();
        assert_eq!(sections, 1 + 2 * usize::from(any_wide), "{groups} groups");
        assert_eq!(
            doc.matches("<w:footerReference w:type=\"default\"").count(),
            sections,
            "{groups} groups"
        );
        let footer = &parts["word/footer1.xml"];
        assert!(footer.contains("PAGE"), "{footer}");
        // The content: every group, the findings (escaped, not dropped), the action.
        for g in &s.groups {
            assert!(doc.contains(g.as_str()), "{g}");
        }
        assert!(doc.contains("A clear &lt;ambition&gt; shared by members."));
        assert!(doc.contains("Publish the corporate plan &amp; its measures"));
        assert!(
            text(doc).contains("1.\tAgree the plan with partners."),
            "numbered"
        );
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

/// The table that follows `heading` in the document.
fn table_after<'a>(doc: &'a str, heading: &str) -> &'a str {
    // The last mention: the contents list names it first.
    let at = doc.rfind(&format!(">{}<", xml(heading))).unwrap();
    tables(&doc[at..])[0]
}

#[test]
fn the_frame_and_the_action_plan_appendix_are_in_the_word_report() {
    let (fw, s) = session(2);
    let report = awayday::report::model::build(&fw, &s);
    let doc = &parts(&awayday::report::to_docx(&report).unwrap())["word/document.xml"];
    for heading in [
        "Scope and objectives",
        "Approach and participants",
        "Main conclusions",
        "Next steps",
        "Appendix 1 – Findings by area",
        "Appendix 3 – Statement detail",
        "Appendix 4 – The groups' scores",
    ] {
        assert!(doc.contains(&format!(">{}<", xml(heading))), "{heading}");
    }
    // Appendix 2 is the action plan as one table: its header, then the action in a row.
    let plan = text(table_after(doc, "Appendix 2 – Action plan"));
    for column in [
        "Recommendation",
        "Priority",
        "Responsibility",
        "Date",
        "Agreed action",
    ] {
        assert!(plan.contains(column), "{column}: {plan}");
    }
    assert!(
        plan.contains("Publish the corporate plan &amp; its measures"),
        "{plan}"
    );
    assert!(plan.contains("Chief Executive"), "{plan}");
}

#[test]
fn the_circulated_word_copy_has_no_group_columns_and_no_groups_appendix() {
    let (fw, s) = session(3);
    let mut report = awayday::report::model::build(&fw, &s);
    let full = parts(&awayday::report::to_docx(&report).unwrap())["word/document.xml"].clone();
    report.circulated = true;
    let doc = &parts(&awayday::report::to_docx(&report).unwrap())["word/document.xml"];
    assert!(text(doc).contains("for circulation"));
    assert!(doc.contains("Appendix 2 – Action plan"));
    assert!(doc.contains("Appendix 3 – Statement detail"));
    assert!(full.contains("Appendix 4 – The groups"));
    assert!(
        !doc.contains("Appendix 4"),
        "the circulated copy has the groups' scores"
    );
    // No table has a column (or a cell) for a group: only the agreed scores go out.
    let group_tables = |d: &str| {
        tables(d)
            .iter()
            .filter(|t| s.groups.iter().any(|g| t.contains(g.as_str())))
            .count()
    };
    assert!(group_tables(&full) > 0);
    assert_eq!(group_tables(doc), 0);
}
