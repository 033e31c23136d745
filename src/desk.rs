//! The desk's folder: where its glossary, decisions, translations and templates live, found
//! the way git finds `.git`, by walking up from the current folder to the first folder with a
//! `mizan.toml` (or, failing that, a `glossary.toml`). Every command then uses the same files,
//! from whichever subfolder it is run.
//!
//! ```toml
//! # mizan.toml: every key is optional; paths are relative to this file's folder.
//! glossary = "glossary.toml"
//! reviews = "reviews.toml"
//! translations = "translations.toml"
//! templates = "templates"        # the desk's own briefing templates
//!
//! [defaults]                     # used where the command line does not say
//! threshold = 0.45
//! top = 20
//! encoding = "utf-8"
//! ```

use crate::error::{Error, ErrorKind, FileKind, Location, Result, toml_error};
use crate::files::write_atomically;
use crate::pipeline::DeskFiles;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The desk's configuration file.
pub const CONFIG: &str = "mizan.toml";

/// What `mizan.toml` says.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub glossary: Option<PathBuf>,
    pub reviews: Option<PathBuf>,
    pub translations: Option<PathBuf>,
    pub templates: Option<PathBuf>,
    #[serde(default)]
    pub defaults: Defaults,
}

/// Flag values the desk prefers to mizan's defaults.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Defaults {
    pub threshold: Option<f64>,
    pub top: Option<usize>,
    pub encoding: Option<String>,
}

/// A desk folder found above (or at) the current folder.
#[derive(Debug, Clone, PartialEq)]
pub struct Desk {
    /// The folder.
    pub root: PathBuf,
    /// Its `mizan.toml`, when it has one (else it was found by its `glossary.toml`).
    pub config_file: Option<PathBuf>,
    pub config: Config,
}

impl Desk {
    /// The desk's files, as paths from the current folder: those `mizan.toml` names, the
    /// rest by default in (or beside the glossary of) the desk's folder.
    pub fn files(&self) -> DeskFiles {
        let at = |name: &Option<PathBuf>| name.as_ref().map(|n| self.root.join(n));
        DeskFiles {
            glossary: at(&self.config.glossary),
            reviews: at(&self.config.reviews),
            translations: at(&self.config.translations),
            folder: Some(self.root.clone()),
        }
    }

    /// The desk's templates folder, if it names one.
    pub fn templates(&self) -> Option<PathBuf> {
        self.config.templates.as_ref().map(|t| self.root.join(t))
    }
}

/// The desk folder at or above `start`: the nearest folder with a `mizan.toml`, else the
/// nearest with a `glossary.toml`; `None` when there is neither up to the root.
pub fn find(start: &Path) -> Result<Option<Desk>> {
    let mut by_glossary = None;
    for dir in start.ancestors() {
        let config = dir.join(CONFIG);
        if config.is_file() {
            return Ok(Some(Desk {
                root: dir.to_path_buf(),
                config: load(&config)?,
                config_file: Some(config),
            }));
        }
        if by_glossary.is_none() && dir.join("glossary.toml").is_file() {
            by_glossary = Some(dir.to_path_buf());
        }
    }
    Ok(by_glossary.map(|root| Desk {
        root,
        config_file: None,
        config: Config::default(),
    }))
}

/// Read `mizan.toml` strictly.
pub fn load(path: &Path) -> Result<Config> {
    let text = crate::files::read_optional_utf8(path, FileKind::DeskConfig)?
        .ok_or_else(|| Error::reading(path, std::io::ErrorKind::NotFound.into()))?;
    let config: Config =
        toml::from_str(&text).map_err(|e| toml_error(FileKind::DeskConfig, path, &text, &e))?;
    if let Some(t) = config.defaults.threshold
        && !(0.0..=1.0).contains(&t)
    {
        let offset = text.find("threshold").unwrap_or(0);
        return Err(Error::invalid(
            FileKind::DeskConfig,
            Location::at(path, &text, offset),
            format!("threshold {t} is outside 0 to 1"),
        ));
    }
    Ok(config)
}

const STARTER_CONFIG: &str = "\
# mizan.toml: this folder is a mizan desk. Every command run here or in a folder below uses
# these files; paths are relative to this file. Every key is optional.
glossary = \"glossary.toml\"
reviews = \"reviews.toml\"
translations = \"translations.toml\"
# templates = \"templates\"     # the desk's own briefing templates (docs/templates.md)

[defaults]                      # used where the command line does not say
# threshold = 0.45
# top = 20
# encoding = \"utf-8\"
";

const STARTER_GLOSSARY: &str = "\
# The desk's glossary: one [[term]] per entry (docs/glossary.md). Add entries by hand or with
# `mizan glossary add ARABIC ENGLISH --kind person|place|org|event|term`.

[[term]]
ar = \"كازاخستان\"
en = \"Kazakhstan\"
kind = \"place\"
";

/// Make `dir` a desk: write a starter `mizan.toml`, and a starter `glossary.toml` when there
/// is none. Refuses when `dir` already has a `mizan.toml`. Returns the files written.
pub fn init(dir: &Path) -> Result<Vec<PathBuf>> {
    if !dir.is_dir() {
        return Err(Error::new(ErrorKind::NotFound)
            .in_file(FileKind::DeskConfig)
            .at(Location::file(dir)));
    }
    // Named as the user gave the folder: `glossary.toml` for `.`, not `./glossary.toml`.
    let dir = if dir == Path::new(".") {
        Path::new("")
    } else {
        dir
    };
    let config = dir.join(CONFIG);
    if config.exists() {
        return Err(Error::invalid(
            FileKind::DeskConfig,
            Location::file(&config),
            "this folder is already a desk; edit its mizan.toml",
        ));
    }
    let mut written = Vec::new();
    let glossary = dir.join("glossary.toml");
    if !glossary.exists() {
        write_atomically(&glossary, STARTER_GLOSSARY)?;
        written.push(glossary);
    }
    write_atomically(&config, STARTER_CONFIG)?;
    written.push(config);
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nearest_config_wins_and_a_glossary_alone_marks_a_desk() {
        let tmp = tempfile::tempdir().unwrap();
        let deep = tmp.path().join("a/b/c");
        std::fs::create_dir_all(&deep).unwrap();
        assert_eq!(find(&deep).unwrap(), None);
        std::fs::write(tmp.path().join("a/glossary.toml"), "").unwrap();
        let desk = find(&deep).unwrap().unwrap();
        assert_eq!(desk.root, tmp.path().join("a"));
        assert_eq!(
            desk.files().reviews_path(),
            tmp.path().join("a/reviews.toml")
        );
        std::fs::write(
            tmp.path().join("mizan.toml"),
            "glossary = \"g/desk.toml\"\n",
        )
        .unwrap();
        let desk = find(&deep).unwrap().unwrap();
        assert_eq!(desk.root, tmp.path());
        assert_eq!(desk.files().glossary_path(), tmp.path().join("g/desk.toml"));
        assert_eq!(
            desk.files().reviews_path(),
            tmp.path().join("g/reviews.toml")
        );
    }

    #[test]
    fn the_config_is_strict_and_init_writes_a_working_desk() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join(CONFIG), "glosary = \"x\"\n").unwrap();
        let e = find(tmp.path()).unwrap_err();
        assert!(
            e.to_string()
                .contains("mizan.toml:1:1: unknown field 'glosary'"),
            "{e}"
        );
        assert!(e.is_configuration());
        std::fs::remove_file(tmp.path().join(CONFIG)).unwrap();
        let written = init(tmp.path()).unwrap();
        assert_eq!(written.len(), 2);
        let desk = find(tmp.path()).unwrap().unwrap();
        assert!(desk.config_file.is_some());
        crate::glossary::load(&desk.files().glossary_path()).unwrap();
        assert!(init(tmp.path()).is_err(), "a second init refuses");
    }
}
