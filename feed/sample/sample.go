// Package sample holds byline's built-in sample: short fictional news
// articles written for byline, loaded into an empty store on first run so
// that a fresh `go run .` shows a working reader.
//
// Every person, organisation, place and publication in the sample is
// invented. The articles deliberately exercise the quotation styles that
// byline's attribution extractor has to handle; STYLES.md in this directory
// lists which article shows which style.
package sample

import (
	"bytes"
	_ "embed"
)

//go:embed articles.jsonl
var articles []byte

// JSONL returns the sample articles as JSON Lines: one JSON object per line
// with the fields id, title, body, url, published (RFC 3339), source and
// author. Bodies separate paragraphs with "\n\n", except the deliberately
// "glued" articles, whose paragraphs run together as in scraped text.
// The result is a fresh copy the caller may modify.
func JSONL() []byte { return bytes.Clone(articles) }
