//! Re-importing a revised outline over last year's framework (`--update`): themes, elements
//! and headings keep their ids when their titles are the same or nearly so, statements when
//! their words are; new parts take ids never used before; the changes list only statements.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

use std::path::Path;

use awayday::framework::{FrameworkFile, NodeFile};
use awayday::import::{Changes, Options, import};

/// Imports `md` (written to `dir/name`), over `old` when given.
fn imported(
    dir: &Path,
    name: &str,
    md: &str,
    old: Option<FrameworkFile>,
) -> (FrameworkFile, Option<Changes>) {
    let path = dir.join(name);
    std::fs::write(&path, md).unwrap();
    let opts = Options {
        update: old,
        ..Options::default()
    };
    let i = import(&path, &opts).unwrap();
    (i.file, i.changes)
}

/// Every node as "id words", in outline order.
fn ids(nodes: &[NodeFile]) -> Vec<String> {
    let mut out = Vec::new();
    for n in nodes {
        let words = if n.title.is_empty() {
            &n.text
        } else {
            &n.title
        };
        out.push(format!("{} {words}", n.id));
        out.extend(ids(&n.children));
    }
    out
}

fn pair(id: &str, text: &str) -> (String, String) {
    (id.to_owned(), text.to_owned())
}

const LAST_YEAR: &str = "# Shared purpose\n\n## Vision\n\n### Agreed by the partners\n\n- A signed vision that every partner has agreed.\n- Few priorities.\n\n### Measured\n\n- Progress is reported twice a year.\n\n# Working together\n\n- Data is shared under a protocol.\n";

#[test]
fn renamed_themes_elements_and_headings_keep_their_ids_and_new_ones_take_free_ids() {
    let dir = tempfile::tempdir().unwrap();
    let (old, none) = imported(dir.path(), "v1.md", LAST_YEAR, None);
    assert_eq!(none, None, "no --update, no changes");
    assert_eq!(
        ids(&old.nodes),
        [
            "1 Shared purpose",
            "1.1 Vision",
            "1.1.a Agreed by the partners",
            "1.1.a.1 A signed vision that every partner has agreed.",
            "1.1.a.2 Few priorities.",
            "1.1.b Measured",
            "1.1.b.1 Progress is reported twice a year.",
            "2 Working together",
            "2.1 Data is shared under a protocol.",
        ]
    );
    // A year on: the themes swapped, one renamed a little, a heading renamed a little, a
    // heading and a theme added, a statement reworded, one removed, one added.
    let this_year = "# Working together\n\n- Data is shared under a protocol.\n- Partners meet monthly.\n\n# Shared purposes\n\n## Vision\n\n### Reviewed\n\n- The vision is reviewed each year.\n\n### Agreed by all the partners\n\n- A signed vision that every partner has agreed to.\n\n### Measured\n\n- Progress is reported twice a year.\n\n# Residents\n\n- Residents are asked.\n";
    let (new, changes) = imported(dir.path(), "v2.md", this_year, Some(old));
    assert_eq!(
        ids(&new.nodes),
        [
            "2 Working together",
            "2.1 Data is shared under a protocol.",
            "2.2 Partners meet monthly.",
            "1 Shared purposes",
            "1.1 Vision",
            "1.1.c Reviewed",
            "1.1.c.1 The vision is reviewed each year.",
            "1.1.a Agreed by all the partners",
            "1.1.a.1 A signed vision that every partner has agreed to.",
            "1.1.b Measured",
            "1.1.b.1 Progress is reported twice a year.",
            "3 Residents",
            "3.1 Residents are asked.",
        ]
    );
    assert_eq!(
        changes,
        Some(Changes {
            added: vec![
                pair("2.2", "Partners meet monthly."),
                pair("1.1.c.1", "The vision is reviewed each year."),
                pair("3.1", "Residents are asked."),
            ],
            removed: vec![pair("1.1.a.2", "Few priorities.")],
            reworded: vec![(
                "1.1.a.1".to_owned(),
                "A signed vision that every partner has agreed.".to_owned(),
                "A signed vision that every partner has agreed to.".to_owned(),
            )],
        })
    );
}

#[test]
fn an_unchanged_statement_keeps_its_id_even_after_a_near_copy_of_it() {
    let dir = tempfile::tempdir().unwrap();
    let (old, _) = imported(
        dir.path(),
        "v1.md",
        "# Purpose\n\n- Progress is reported twice a year.\n- Budgets are set in March.\n",
        None,
    );
    // The near copy comes first; the statement itself, word for word, keeps the id.
    let (new, changes) = imported(
        dir.path(),
        "v2.md",
        "# Purpose\n\n- Progress is reported twice a year!\n- Progress is reported twice a year.\n- Budgets are set in March.\n",
        Some(old),
    );
    assert_eq!(
        ids(&new.nodes),
        [
            "1 Purpose",
            "1.3 Progress is reported twice a year!",
            "1.1 Progress is reported twice a year.",
            "1.2 Budgets are set in March.",
        ]
    );
    let changes = changes.unwrap();
    assert_eq!(
        changes.added,
        [pair("1.3", "Progress is reported twice a year!")]
    );
    assert!(
        changes.removed.is_empty() && changes.reworded.is_empty(),
        "{changes:?}"
    );
}

#[test]
fn a_theme_renamed_beyond_recognition_takes_an_id_never_used_and_its_statement_keeps_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let (old, _) = imported(
        dir.path(),
        "v1.md",
        "# Shared purpose\n- A signed vision.\n",
        None,
    );
    // The only theme is new (nothing beside it has an id yet); its statement is unchanged.
    let (new, changes) = imported(
        dir.path(),
        "v2.md",
        "# Something else entirely\n- A signed vision.\n",
        Some(old),
    );
    assert_eq!(
        ids(&new.nodes),
        ["2 Something else entirely", "1.1 A signed vision."]
    );
    assert_eq!(changes, Some(Changes::default()));
}
