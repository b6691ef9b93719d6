package feed

import (
	"regexp"
	"strings"
	"unicode"
)

// datelineRE matches a leading dateline: one to five all-caps words (letters,
// periods, apostrophes, hyphens; words separated by spaces or ", "), an
// optional agency in parentheses, then a dash (-, –, —) and whitespace.
var datelineRE = regexp.MustCompile(
	`^(\p{Lu}[\p{Lu}.'’-]*(?:,? \p{Lu}[\p{Lu}.'’-]*){0,4}),?` + // place
		`[ \t]*(?:\([\pL&.' ]{1,30}\)[ \t]*)?` + // (Reuters), (AP)
		`(?:-{1,2}|–|—)[ \t]+`) // the dash

// SplitDateline splits a leading dateline from a body:
//
//	"DAMASCUS – Moaz Alkhatib..."           -> "DAMASCUS", "Moaz Alkhatib..."
//	"LONDON (Reuters) - Shares fell..."     -> "LONDON", "Shares fell..."
//	"WASHINGTON, D.C. — The Senate..."      -> "WASHINGTON, D.C.", "The Senate..."
//	"NEW YORK (AP) — ..."                   -> "NEW YORK", "..."
//
// The place must be all capitals (spaces, periods, commas, apostrophes and
// hyphens allowed, at most five words, 40 bytes), with at least two letters
// in its first word, and some text must follow the dash. Otherwise it returns
// "" and the body unchanged.
func SplitDateline(body string) (place, rest string) {
	m := datelineRE.FindStringSubmatchIndex(body)
	if m == nil {
		return "", body
	}
	place = strings.TrimRight(body[m[2]:m[3]], ",-'’ ")
	rest = body[m[1]:]
	if len(place) > 40 || strings.TrimSpace(rest) == "" {
		return "", body
	}
	first, _, _ := strings.Cut(place, " ")
	letters := 0
	for _, r := range first {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters < 2 {
		return "", body
	}
	return place, strings.TrimLeftFunc(rest, unicode.IsSpace)
}
