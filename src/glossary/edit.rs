//! Editing glossary.toml while keeping comments, order and formatting (written by the edit work).
