//! Glossary exchange formats: TSV, CSV, TBX-Basic (written by the exchange work).
