package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind is the kind of a token.
type tokKind uint8

const (
	tWord  tokKind = iota // a word, with internal apostrophes, hyphens and abbreviation dots
	tPunct                // one punctuation rune
	tQuote                // a whole quotation, marks included
)

// token is a word, a punctuation mark or a whole quotation.
type token struct {
	s, e  int
	q     int32 // index into doc.quotes when kind == tQuote
	kind  tokKind
	flags uint8 // fCue, fTrailingCue, set by markCues
}

const (
	fCue         uint8 = 1 << iota // a verb of saying (cueLemmas) or "according"
	fTrailingCue                   // in trailingCues
)

// unit is a sentence with its quotations kept whole, so that
// `"A. B," he said.` is one unit.
type unit struct {
	ts, te int // token range
	para   int
}

// paragraph is a line of text (blank lines separate paragraphs in the clean
// form; the raw form may hold a whole article on one line).
type paragraph struct{ s, e int }

func splitParagraphs(text string, out []paragraph) []paragraph {
	start := 0
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == '\n' {
			s, e := start, i
			for s < e && (text[s] == ' ' || text[s] == '\t' || text[s] == '\r') {
				s++
			}
			e = trimSpaceEnd(text, s, e)
			if e > s {
				out = append(out, paragraph{s, e})
			}
			start = i + 1
		}
	}
	return out
}

// abbreviations keep their dot (Mr., Sen., Inc.) so it does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "sen": true, "rep": true, "gov": true,
	"gen": true, "col": true, "capt": true, "lt": true, "sgt": true, "prof": true, "rev": true, "jr": true,
	"sr": true, "inc": true, "corp": true, "co": true, "ltd": true, "no": true, "vs": true, "mt": true,
	"ft": true, "jan": true, "feb": true, "apr": true, "aug": true, "sept": true, "sep": true, "oct": true,
	"nov": true, "dec": true, "pres": true, "sens": true, "reps": true, "maj": true, "adm": true, "cmdr": true,
	"det": true, "supt": true, "messrs": true, "gens": true, "govs": true, "u.s": true, "u.k": true,
	"u.n": true, "d.c": true, "e.g": true, "i.e": true, "a.m": true, "p.m": true, "ph.d": true,
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [128]bool) {
	for c := 0; c < 128; c++ {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return t
}()

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 0 && asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// lowerASCII writes the ASCII lower case of w into buf (for map look-ups
// without allocating); ok is false when w does not fit.
func lowerASCII(buf []byte, w string) ([]byte, bool) {
	if len(w) > cap(buf) {
		return nil, false
	}
	buf = buf[:len(w)]
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf, true
}

// tokenize appends the tokens of [lo, hi), quotations (from qs, sorted)
// becoming single tokens.
func tokenize(s string, lo, hi int, quotes []qspan, qi int, out []token) ([]token, int) {
	var buf [16]byte
	i := lo
	for i < hi {
		for qi < len(quotes) && quotes[qi].open < i {
			qi++
		}
		if qi < len(quotes) && quotes[qi].open == i {
			out = append(out, token{s: i, e: quotes[qi].close, kind: tQuote, q: int32(qi)})
			i = quotes[qi].close
			qi++
			continue
		}
		r, w := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(s[i:hi])
		}
		if isSpace(r) {
			i += w
			continue
		}
		if !isWordRune(r) {
			out = append(out, token{s: i, e: i + w, kind: tPunct})
			i += w
			continue
		}
		start := i
		segStart := i // start of the current dot-separated segment
		i += w
		nextQuote := hi
		if qi < len(quotes) && quotes[qi].open < hi {
			nextQuote = quotes[qi].open
		}
		for i < hi {
			// fast path: plain ASCII letters and digits
			for i < nextQuote && s[i] < utf8.RuneSelf && asciiWord[s[i]] {
				i++
			}
			if i >= hi || i == nextQuote {
				break
			}
			r, w = rune(s[i]), 1
			if r >= utf8.RuneSelf {
				r, w = utf8.DecodeRuneInString(s[i:hi])
			}
			if isWordRune(r) {
				i += w
				continue
			}
			next := runeAt(s, i+w, hi)
			switch r {
			case '\'', '’', '&':
				if unicode.IsLetter(next) {
					i += w
					continue
				}
				if r != '&' && (s[i-1] == 's' || s[i-1] == 'S') && i-start > 2 && (next == -1 || isSpace(next) || next == ',' || next == '.') {
					// a plural possessive (the Joneses' house, Sanders’ aide):
					// the mark ends the word (the break after the switch)
					i += w
				}
			case '-', '‑':
				if isWordRune(next) {
					i += w
					continue
				}
			case ',':
				if unicode.IsDigit(next) && s[i-1] >= '0' && s[i-1] <= '9' {
					i += w
					continue
				}
			case '.':
				if unicode.IsDigit(next) && s[i-1] >= '0' && s[i-1] <= '9' {
					i += w
					continue
				}
				if i-segStart == 1 && !(s[segStart] >= '0' && s[segStart] <= '9') || i-segStart <= 2 && s[segStart] >= 'A' && s[segStart] <= 'Z' && !isSpace(next) && unicode.IsUpper(next) {
					// U.S., e.g., J. Smith: an initial keeps its dot.
					i += w
					segStart = i
					continue
				}
				if b, ok := lowerASCII(buf[:0], s[start:i]); ok && abbreviations[string(b)] && (next == -1 || isSpace(next) || next == ',') && (string(b) != "no" || unicode.IsDigit(runeAt(s, i+w+1, hi))) {
					// (`No. 5`, but `shaking his head no. "But ..."`)
					i += w
					continue
				}
			}
			break
		}
		out = append(out, token{s: start, e: i, kind: tWord})
	}
	return out, qi
}

// sentenceEnders that end a unit when what follows starts a sentence.
func isSentenceEnd(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '…' }

// capStarters are capitalised words that begin sentences after an
// abbreviation's dot ("in the U.S. The ...").
var capStarters = map[string]bool{"the": true, "he": true, "she": true, "it": true, "they": true, "we": true, "but": true, "and": true, "in": true, "this": true, "that": true, "i": true, "a": true, "mr": true, "mrs": true, "ms": true}

// startsSentence reports whether token t can begin a sentence.
func startsSentence(s string, t token) bool {
	switch t.kind {
	case tQuote:
		return true
	case tWord:
		r := runeAt(s, t.s, t.e)
		return unicode.IsUpper(r) || unicode.IsDigit(r)
	}
	r := runeAt(s, t.s, t.e)
	switch r {
	case '$', '£', '€', '¥': // `$5m will be spent`
		return true
	}
	return r == '(' || r == '—' || r == '–' || r == '-'
}

// splitUnits cuts the tokens of one paragraph [ts, te) into units.
func splitUnits(s string, toks []token, quotes []qspan, ts, te, para int, out []unit) []unit {
	start := ts
	var buf [16]byte
	for i := ts; i < te; i++ {
		t := toks[i]
		end := false
		switch t.kind {
		case tPunct:
			if r := runeAt(s, t.s, t.e); isSentenceEnd(r) {
				j := i + 1
				for j < te && toks[j].kind == tPunct && (s[toks[j].s] == ')' || isSentenceEnd(runeAt(s, toks[j].s, toks[j].e))) {
					j++
				}
				if j == te || startsSentence(s, toks[j]) {
					i = j - 1
					end = true
				}
			}
		case tQuote:
			q := quotes[t.q]
			if q.runsOn {
				end = true
			} else if isSentenceEnd(runeBefore(s, q.inner, trimSpaceEnd(s, q.inner, q.innerEnd))) {
				end = i+1 == te || startsSentence(s, toks[i+1]) && !attributionFollows(s, toks, i+1, te)
			}
		case tWord:
			if s[t.e-1] == '.' && i+1 < te && toks[i+1].kind == tQuote && strings.IndexByte(s[t.s:t.e-1], '.') >= 0 {
				// `said in Albany, N.Y. "Next ..."`: an initialism ends the
				// sentence before a quotation opening in upper case
				q := quotes[toks[i+1].q]
				r, _ := utf8.DecodeRuneInString(s[q.inner:q.innerEnd])
				end = unicode.IsUpper(r)
			}
			if s[t.e-1] == '.' && i+1 < te && toks[i+1].kind == tWord {
				if b, ok := lowerASCII(buf[:0], s[toks[i+1].s:toks[i+1].e]); ok && capStarters[string(b)] && s[toks[i+1].s] >= 'A' && s[toks[i+1].s] <= 'Z' {
					end = true
				}
			}
		}
		if end {
			out = append(out, unit{ts: start, te: i + 1, para: para})
			start = i + 1
		}
	}
	if start < te {
		out = append(out, unit{ts: start, te: te, para: para})
	}
	return out
}

// attributionFollows reports whether tokens from i form a short trailing
// attribution such as `Smith said.` or `Murphy, the head of X, tweeted on
// Friday.` that belongs to the quotation before.
func attributionFollows(s string, toks []token, i, te int) bool {
	words := 0
	for j := i; j < te && j < i+16; j++ {
		t := toks[j]
		switch t.kind {
		case tQuote:
			return false
		case tPunct:
			if s[t.s] != ',' {
				return false
			}
			continue
		}
		w := s[t.s:t.e]
		words++
		if _, ok := lookup(cueLemmas, w); ok || inSet(trailingCues, w) {
			if words == 1 && w[0] >= 'A' && w[0] <= 'Z' && j+1 < te && toks[j+1].kind == tWord && s[toks[j+1].s] >= 'a' && s[toks[j+1].s] <= 'z' {
				return false // `Asked what it means, she said`: a new sentence
			}
			if words > 5 && toks[j-1].kind != tPunct {
				return false
			}
			if words <= 3 && j+1 < te && toks[j+1].kind == tWord && inSet(tailWords, s[toks[j+1].s:toks[j+1].e]) {
				return true // `"...?" Clinton asks as a guard walks in`
			}
			if words >= 3 && j+1 < te && s[toks[j+1].s] == ',' && s[toks[j-2].s] == ',' {
				if _, ok := lookup(subjectPronouns, s[toks[j-1].s:toks[j-1].e]); ok {
					return false // `"..." Carolina, he said, was next`: a new sentence
				}
			}
			k := j + 1
			for k < te && k < j+8 && toks[k].kind == tWord {
				k++
			}
			if k == te || s[toks[k].s] == '.' {
				return true
			}
			return s[toks[k].s] == ',' && (k+1 >= te || toks[k+1].kind != tQuote)
		}
	}
	return false
}
