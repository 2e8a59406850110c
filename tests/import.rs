//! `awayday import`: Markdown, CSV and a spreadsheet into framework files; the examples; a
//! re-import keeping last year's ids; every mistake located; installed frameworks found by id.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_awayday");

fn run(args: &[&str], dir: &Path) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env("AWAYDAY_DATA_DIR", dir.join("data"))
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn example(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/frameworks")
        .join(name)
        .display()
        .to_string()
}

/// The outline of a framework from `tree --json`: (depth, title or text) per node.
fn outline(json: &str) -> Vec<(usize, String)> {
    fn walk(v: &serde_json::Value, depth: usize, out: &mut Vec<(usize, String)>) {
        for c in v["children"].as_array().unwrap() {
            let title = c["title"].as_str().unwrap();
            let label = if title.is_empty() {
                c["text"].as_str().unwrap()
            } else {
                title
            };
            out.push((depth, label.to_owned()));
            walk(c, depth + 1, out);
        }
    }
    let mut out = Vec::new();
    walk(&serde_json::from_str(json).unwrap(), 0, &mut out);
    out
}

#[test]
fn the_examples_import_cleanly_and_check() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["partnership-standards.md", "service-standards.csv"] {
        let out_path = dir.path().join(name).with_extension("ron");
        let o = run(
            &["import", &example(name), "-o", out_path.to_str().unwrap()],
            dir.path(),
        );
        assert!(o.status.success(), "{name}: {}", text(&o));
        let check = run(&["check", out_path.to_str().unwrap()], dir.path());
        assert!(check.status.success(), "{name}: {}", text(&check));
    }
}

#[test]
fn markdown_round_trips_to_the_same_outline() {
    let dir = tempfile::tempdir().unwrap();
    let md = "# Shared purpose\n\nWhat the partners are for.\n\n## Vision\n\n### Agreed\n\n- A signed vision.\n- Few priorities.\n\n## Accountability\n\n- A lead for each priority,\n  named in the plan.\n\n# Working together\n\n- Data is shared.\n";
    std::fs::write(dir.path().join("o.md"), md).unwrap();
    let o = run(&["import", "o.md"], dir.path());
    assert!(o.status.success(), "{}", text(&o));
    let json = run(&["tree", "--json", "--framework", "o.ron"], dir.path());
    let got = outline(&String::from_utf8_lossy(&json.stdout));
    let want: Vec<(usize, String)> = [
        (0, "Shared purpose"),
        (1, "Vision"),
        (2, "Agreed"),
        (3, "A signed vision."),
        (3, "Few priorities."),
        (1, "Accountability"),
        (2, "A lead for each priority, named in the plan."),
        (0, "Working together"),
        (1, "Data is shared."),
    ]
    .iter()
    .map(|(d, t)| (*d, (*t).to_owned()))
    .collect();
    assert_eq!(got, want);
    let show = run(&["show", "1", "--framework", "o.ron"], dir.path());
    assert!(
        text(&show).contains("What the partners are for."),
        "{}",
        text(&show)
    );
    let ids = run(&["tree", "--framework", "o.ron"], dir.path());
    for id in ["1.1.a.2", "1.2.1", "2.1"] {
        assert!(
            text(&ids).contains(&format!("  {id}  ")),
            "{id}: {}",
            text(&ids)
        );
    }
}

#[test]
fn csv_keeps_quoted_commas_and_unicode() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(
        &["import", &example("service-standards.csv"), "-o", "s.ron"],
        dir.path(),
    );
    assert!(o.status.success(), "{}", text(&o));
    let show = run(&["show", "1.1.b.1", "--framework", "s.ron"], dir.path());
    assert!(
        text(&show).contains("Polish, Urdu and Romanian"),
        "{}",
        text(&show)
    );
    let show = run(&["show", "2.1.1", "--framework", "s.ron"], dir.path());
    assert!(text(&show).contains("£50,000"), "{}", text(&show));
}

#[test]
fn a_spreadsheet_imports_from_its_first_sheet_or_a_named_one() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = common::fixture("outline.xlsx");
    let o = run(
        &[
            "import",
            xlsx.to_str().unwrap(),
            "-o",
            "x.ron",
            "--title",
            "Standards",
        ],
        dir.path(),
    );
    assert!(o.status.success(), "{}", text(&o));
    let tree = run(&["tree", "--framework", "x.ron"], dir.path());
    let t = text(&tree);
    assert!(
        t.contains("1.1.b.1  Letters are in plain English — and in Polish"),
        "{t}"
    );
    assert!(t.contains("VFM-1  Spending decisions above £50,000"), "{t}");
    let o = run(
        &[
            "import",
            xlsx.to_str().unwrap(),
            "-o",
            "y.ron",
            "--sheet",
            "Nope",
        ],
        dir.path(),
    );
    assert!(!o.status.success());
    assert!(
        text(&o).contains("its sheets are: Standards, Notes"),
        "{}",
        text(&o)
    );
}

#[test]
fn a_revised_outline_keeps_last_years_ids() {
    let dir = tempfile::tempdir().unwrap();
    let first = "# Purpose\n\n## Vision\n\n- The partnership has a written vision that every partner has signed.\n- Priorities are few and measurable.\n- Progress is reported twice a year.\n\n## Data\n\n- Partners share data under a protocol.\n";
    std::fs::write(dir.path().join("v1.md"), first).unwrap();
    assert!(
        run(&["import", "v1.md", "-o", "v1.ron"], dir.path())
            .status
            .success()
    );
    // A year on: one statement reworded, one removed, one added before the others.
    let second = "# Purpose\n\n## Vision\n\n- Residents helped to write the vision.\n- The partnership has a written vision that every partner has signed up to.\n- Progress is reported twice a year.\n\n## Data\n\n- Partners share data under a protocol.\n";
    std::fs::write(dir.path().join("v2.md"), second).unwrap();
    let o = run(
        &["import", "v2.md", "-o", "v2.ron", "--update", "v1.ron"],
        dir.path(),
    );
    let said = text(&o);
    assert!(o.status.success(), "{said}");
    assert!(said.contains("1 added, 1 removed, 1 reworded"), "{said}");
    assert!(
        said.contains("removed   1.1.2  Priorities are few and measurable."),
        "{said}"
    );
    assert!(said.contains("reworded  1.1.1"), "{said}");
    let tree = text(&run(&["tree", "--framework", "v2.ron"], dir.path()));
    assert!(
        tree.contains("1.1.1  The partnership has a written vision"),
        "{tree}"
    );
    assert!(
        tree.contains("1.1.3  Progress is reported twice a year."),
        "{tree}"
    );
    assert!(
        tree.contains("1.1.4  Residents helped to write the vision."),
        "{tree}"
    );
    assert!(tree.contains("1.2.1  Partners share data"), "{tree}");
}

#[test]
fn mistakes_in_an_outline_are_located() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "a.md",
            "- A statement first.\n# Theme\n",
            "a.md:1:1: a statement before any heading",
        ),
        (
            "b.md",
            "# Theme\n\n## \n",
            "b.md:3:3: this heading is empty",
        ),
        (
            "c.md",
            "# Theme\n### Heading\n",
            "c.md:2:1: this ### heading has no ## element",
        ),
        (
            "d.md",
            "# Theme\n- One {#x}\n- Two {#x}\n",
            "d.md:3:1: the id \"x\" is used twice (first at line 2)",
        ),
        (
            "e.csv",
            "theme,element,statement\nT,E,One\nT,E\n",
            "e.csv:3:3: this row has 2 columns; the header has 3",
        ),
        (
            "f.csv",
            "theme,words\nT,One\n",
            "f.csv:1:1: no \"statement\" column",
        ),
    ];
    for (name, src, expected) in cases {
        std::fs::write(dir.path().join(name), src).unwrap();
        let o = run(&["import", name], dir.path());
        assert!(!o.status.success(), "{name} was imported");
        assert!(text(&o).contains(expected), "{name}: {}", text(&o));
        assert!(!dir.path().join(name).with_extension("ron").exists());
    }
}

#[test]
fn an_installed_framework_is_listed_and_found_by_id() {
    let dir = tempfile::tempdir().unwrap();
    let installed = dir.path().join("data/frameworks/partnership.ron");
    let o = run(
        &[
            "import",
            &example("partnership-standards.md"),
            "-o",
            installed.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert!(o.status.success(), "{}", text(&o));
    let list = text(&run(&["frameworks"], dir.path()));
    assert!(
        list.contains("partnership-standards") && list.contains("installed"),
        "{list}"
    );
    let o = run(
        &[
            "new",
            "s.ron",
            "--no-open",
            "--framework",
            "partnership-standards",
        ],
        dir.path(),
    );
    assert!(o.status.success(), "{}", text(&o));
    assert!(run(&["check", "s.ron"], dir.path()).status.success());
}

#[test]
fn an_import_never_overwrites_its_outline_or_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("o.md"), "# T\n- S\n").unwrap();
    let o = run(&["import", "o.md", "-o", "o.md", "--force"], dir.path());
    assert!(!o.status.success());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("o.md")).unwrap(),
        "# T\n- S\n"
    );
    assert!(run(&["import", "o.md"], dir.path()).status.success());
    let again = run(&["import", "o.md"], dir.path());
    assert!(!again.status.success());
    assert!(text(&again).contains("already exists"), "{}", text(&again));
}
