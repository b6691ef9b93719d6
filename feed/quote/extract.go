// Package quote finds quotations in news text and attributes them: what was
// said (direct, mixed or indirect), the cue (said, told, according to), the
// words naming the source, and the speaker resolved within the article.
//
// Conventions:
//   - A direct quote's content span is the text inside the quote marks.
//   - A quote split by its cue (`"A," he said, "B."`) gives two attributions,
//     one per half, sharing the same cue and source spans.
//   - A quote with no cue that follows an attribution continues its speaker:
//     it has the same Speaker and Role, and no cue or source span.
//   - A content that opens with a quotation of several words, or is mostly
//     quoted (`"A" for B, he said`), is direct: the writer ran the
//     speaker's words on. One quoted word opening it (`"thousands" of
//     emails were lost`) leaves it mixed. A quotation introduced by `that`
//     after its cue (`told them that "we are in this together"`) is a
//     reported clause quoted whole: mixed. So is a quotation closing a
//     content after a lead-in clause of the writer's (`said whatever
//     voters decide, "..."`); after a phrase naming the occasion or
//     another verb of saying (`said at a rally, "..."`) it is direct. A
//     quotation opening in lower case after a cue set off by commas ends
//     the writer's sentence: `If they win, he said, "the party is over."`
//     is one mixed content from `If`.
//   - Mixed and indirect contents run from the reported clause's start to its
//     end, quote marks of fragments included, final punctuation excluded.
package quote

import (
	"slices"
	"strings"
	"sync"

	"byline/data"
)

// doc is the working state of one Extract call. Docs are pooled: their
// slices are reused from call to call.
type doc struct {
	text   string
	paras  []paragraph
	quotes []qspan
	toks   []token
	units  []unit
	ments  []mention
	used   []bool // quotes already attributed
	out    []data.Quote
	link   linkIndex // mention linking, reused

	last     int     // index in out of the last attribution with a speaker or source, or -1
	lastUnit int     // unit of that attribution
	pending  *att    // a cue ending with ':' whose quotation follows
	setOff   int     // token of a quotation set off with its own attribution in the unit, or -1
	resume   int     // set by tryCue: the token where a second clause of the unit starts, or -1
	spoken   []int32 // per unit: the canonical mention of the last speaker named there, or -1

	lowerWords map[string]bool // the article's words not capitalised (hasLowerWord)
	lowerReady bool            // lowerWords holds this article's
	lowerScans int             // look-ups that scanned the article
}

// att is an attribution being built.
type att struct {
	cue     [2]int // token range of the cue
	src     [2]int // token range of the source (-1 when none)
	role    string
	speaker string
	srcSpan data.Span // for a continuation: the source of the attribution it continues
}

var docPool = sync.Pool{New: func() any { return new(doc) }}

// Extract finds every quotation in text and attributes it. It is pure and
// safe for concurrent use; offsets are byte offsets into text.
func Extract(text string) []data.Quote {
	d := docPool.Get().(*doc)
	d.text, d.last, d.lastUnit, d.pending, d.lowerReady, d.lowerScans = text, -1, 0, nil, false, 0
	d.paras = splitParagraphs(text, d.paras[:0])
	d.quotes = d.quotes[:0]
	d.scanQuotes()
	d.toks = grow(d.toks[:0], len(text)/5+8)
	d.units = grow(d.units[:0], len(text)/80+4)
	qi := 0
	for pi, p := range d.paras {
		ts := len(d.toks)
		d.toks, qi = tokenize(text, p.s, p.e, d.quotes, qi, d.toks)
		d.units = splitUnits(text, d.toks, d.quotes, ts, len(d.toks), pi, d.units)
	}
	markCues(text, d.toks)
	d.spoken = grow(d.spoken[:0], len(d.units))[:len(d.units)]
	for i := range d.spoken {
		d.spoken[i] = -1
	}
	d.used = grow(d.used[:0], len(d.quotes))[:len(d.quotes)]
	clear(d.used)
	d.ments = grow(d.ments[:0], len(d.toks)/12+4)
	d.out = make([]data.Quote, 0, len(d.quotes)/2+2)
	d.collectMentions()
	for ui := range d.units {
		d.analyse(ui)
	}
	out := d.out
	// in text order: a unit's attributions are not found left to right
	// (a quotation set off inside a sentence before the sentence's own
	// content)
	slices.SortStableFunc(out, func(a, b data.Quote) int { return a.Content.Start - b.Content.Start })
	// drop the references into text so that a pooled doc does not keep it
	clear(d.ments)
	if d.lowerReady {
		clear(d.lowerWords)
	}
	d.text, d.out, d.pending = "", nil, nil
	docPool.Put(d)
	return out
}

// grow returns s with room for n more elements.
func grow[T any](s []T, n int) []T {
	if cap(s)-len(s) < n {
		s = append(make([]T, 0, len(s)+n), s...)
	}
	return s
}

// scanQuotes finds the quotations of every paragraph and links quotes that
// run over a paragraph break.
func (d *doc) scanQuotes() {
	for pi, p := range d.paras {
		n := len(d.quotes)
		d.quotes = scanDoubleQuotes(d.text, p.s, p.e, d.quotes)
		dq := d.quotes[n:]
		if pi > 0 && n > 0 && len(dq) > 0 && dq[0].open == p.s {
			if prev := &d.quotes[n-1]; !prev.closed && prev.innerEnd == d.paras[pi-1].e {
				prev.runsOn = true
				dq[0].cont = true
			}
		}
		var sq []qspan
		sq = scanSingleQuotes(d.text, p.s, p.e, dq, sq)
		if len(sq) > 0 {
			d.quotes = mergeQuotes(d.quotes, n, sq)
		}
	}
}

// mergeQuotes inserts the single-quoted spans sq into quotes[n:] in order.
func mergeQuotes(quotes []qspan, n int, sq []qspan) []qspan {
	dq := append([]qspan(nil), quotes[n:]...)
	quotes = quotes[:n]
	i, j := 0, 0
	for i < len(dq) || j < len(sq) {
		if j == len(sq) || i < len(dq) && dq[i].open < sq[j].open {
			quotes = append(quotes, dq[i])
			i++
		} else {
			quotes = append(quotes, sq[j])
			j++
		}
	}
	return quotes
}

func (d *doc) word(i int) string        { return d.text[d.toks[i].s:d.toks[i].e] }
func (d *doc) spanText(a, b int) string { return d.text[d.toks[a].s:d.toks[b-1].e] }

func (d *doc) isPunct(i int, r rune) bool {
	t := d.toks[i]
	return t.kind == tPunct && runeAt(d.text, t.s, t.e) == r
}

func (d *doc) isWord(i int, w string) bool {
	return d.toks[i].kind == tWord && strings.EqualFold(d.word(i), w)
}

// isPunctAny reports whether token i is one of the punctuation runes in set.
func (d *doc) isPunctAny(i int, set string) bool {
	t := d.toks[i]
	return t.kind == tPunct && strings.ContainsRune(set, runeAt(d.text, t.s, t.e))
}

// cueAt returns the end of the cue starting at token i (i+1, or i+2 for
// "according to"), or i when there is none.
func (d *doc) cueAt(i, te int) int {
	if i >= te || d.toks[i].flags&fCue == 0 {
		return i
	}
	if strings.EqualFold(d.word(i), "according") {
		if i+1 < te && d.isWord(i+1, "to") {
			return i + 2
		}
		return i
	}
	return i + 1
}

// contentEnd trims trailing punctuation tokens off [a, b).
func (d *doc) contentEnd(a, b int) int {
	for b > a && d.toks[b-1].kind == tPunct && !d.gluedSign(b-1, b-2) {
		b--
	}
	return b
}

// contentStart skips leading punctuation (dashes, colons, commas).
func (d *doc) contentStart(a, b int) int {
	for a < b && d.toks[a].kind == tPunct && !d.gluedSign(a, a+1) {
		a++
	}
	return a
}

// gluedSign reports whether the punctuation token i is a percent or
// currency sign written against the word w (`3%`, `$5`, `£15.8m`): part of
// the words quoted, not punctuation around them.
func (d *doc) gluedSign(i, w int) bool {
	if w < 0 || w >= len(d.toks) || d.toks[w].kind != tWord {
		return false
	}
	t := d.toks[i]
	if t.e-t.s > 3 || !(t.e == d.toks[w].s || d.toks[w].e == t.s) {
		return false
	}
	switch d.text[t.s:t.e] {
	case "%", "$", "£", "€", "¥":
		return true
	}
	return false
}

// onlyQuotes reports whether [a, b) holds quotations and punctuation only.
func (d *doc) onlyQuotes(a, b int) bool {
	n := 0
	for i := a; i < b; i++ {
		switch d.toks[i].kind {
		case tWord:
			return false
		case tQuote:
			n++
		}
	}
	return n > 0
}

func (d *doc) hasQuote(a, b int) bool {
	for i := a; i < b; i++ {
		if d.toks[i].kind == tQuote {
			return true
		}
	}
	return false
}

func (d *doc) wordCount(a, b int) int { return d.wordsUpTo(a, b, -1) }

// atLeastWords reports whether [a, b) holds n words or more, reading no
// further than it needs: a cue's content can run to the end of a long
// sentence, and the cues of one sentence each ask.
func (d *doc) atLeastWords(a, b, n int) bool { return d.wordsUpTo(a, b, n) >= n }

// wordsUpTo counts the words in [a, b), stopping once it has limit of them
// (limit < 0: all).
func (d *doc) wordsUpTo(a, b, limit int) int {
	n := 0
	for i := a; i < b && (limit < 0 || n < limit); i++ {
		switch d.toks[i].kind {
		case tWord:
			n++
		case tQuote:
			q := d.quotes[d.toks[i].q]
			n += strings.Count(d.text[q.inner:q.innerEnd], " ") + 1
		}
	}
	return n
}
