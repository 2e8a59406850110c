//! A table outline (CSV, or a spreadsheet's sheet): each mistake located at the row and column
//! the reader sees, also when the table does not start on the sheet's first row or the theme
//! is not the first column.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;

use awayday::import::{Failure, Options, import};

/// A cell of inline text, as a spreadsheet program writes one.
fn cell(reference: &str, text: &str) -> String {
    format!(r#"<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

/// Writes a workbook of one sheet whose rows are given by their row number.
fn workbook(path: &Path, rows: &[(u32, &[&str])]) {
    let mut data = String::new();
    for (r, cells) in rows {
        write!(data, r#"<row r="{r}">"#).unwrap();
        for (c, text) in cells.iter().enumerate() {
            let column = char::from(b'A' + u8::try_from(c).unwrap());
            data.push_str(&cell(&format!("{column}{r}"), text));
        }
        data.push_str("</row>");
    }
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let parts = [
        (
            "[Content_Types].xml",
            r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_owned(),
        ),
        (
            "_rels/.rels",
            format!(
                r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
            ),
        ),
        (
            "xl/workbook.xml",
            format!(
                r#"<workbook xmlns="{main}" xmlns:r="{rel}"><sheets><sheet name="Standards" sheetId="1" r:id="rId1"/></sheets></workbook>"#
            ),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            format!(
                r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#
            ),
        ),
        (
            "xl/worksheets/sheet1.xml",
            format!(r#"<worksheet xmlns="{main}"><sheetData>{data}</sheetData></worksheet>"#),
        ),
    ];
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    for (name, text) in parts {
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
}

#[test]
fn a_mistake_below_a_title_row_is_located_at_the_spreadsheets_row() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("standards.xlsx");
    // The table starts on row 3, under a gap; row 6 has no statement.
    workbook(
        &path,
        &[
            (3, &["Theme", "Element", "Heading", "Statement"]),
            (4, &["Purpose", "Vision", "Agreed", "A signed vision."]),
            (5, &["Purpose", "Vision", "Agreed", "Few priorities."]),
            (6, &["Purpose", "Vision", "Agreed", ""]),
        ],
    );
    match import(&path, &Options::default()) {
        Err(Failure::Located(e)) => {
            assert_eq!((e.at.line, e.at.column), (6, 4), "{e}");
            assert!(e.message.contains("no statement"), "{e}");
        }
        other => panic!("{other:?}"),
    }
    // The same table, mended, imports: the rows above it are not read as a header.
    workbook(
        &path,
        &[
            (3, &["Theme", "Element", "Heading", "Statement"]),
            (4, &["Purpose", "Vision", "Agreed", "A signed vision."]),
        ],
    );
    let file = import(&path, &Options::default()).unwrap().file;
    assert_eq!(
        file.nodes[0].children[0].children[0].children[0].text,
        "A signed vision."
    );
}

#[test]
fn a_csvs_mistakes_are_located_at_their_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    // The theme in the second column and the statement in the fifth, so a column counted
    // from 0, or from the wrong cell, shows.
    let header = "statement id,theme,element,heading,statement\n";
    let cases = [
        ("a,,Vision,Agreed,One\n", "2:2", "this row has no theme"),
        (
            "a,Purpose,Vision,Agreed,\n",
            "2:5",
            "this row has no statement",
        ),
        (
            "a,Purpose,,Agreed,One\n",
            "2:4",
            "a heading needs an element",
        ),
        (
            "x,Purpose,Vision,Agreed,One\nx,Purpose,Vision,Agreed,Two\n",
            "3:5",
            "the id \"x\" is used twice",
        ),
    ];
    for (rows, at, says) in cases {
        let path = dir.path().join("o.csv");
        std::fs::write(&path, format!("{header}{rows}")).unwrap();
        match import(&path, &Options::default()) {
            Err(Failure::Located(e)) => {
                assert_eq!(
                    format!("{}:{}", e.at.line, e.at.column),
                    at,
                    "{rows:?}: {e}"
                );
                assert!(e.message.contains(says), "{rows:?}: {e}");
            }
            other => panic!("{rows:?} gave {other:?}"),
        }
    }
}
