package quote

import (
	"unicode/utf8"

	"byline/data"
)

// emitQuotes attributes every unused double quotation in [a, b) (single
// ones too when single is true) as direct.
func (d *doc) emitQuotes(ui, a, b int, at *att, cont bool) {
	for i := a; i < b; i++ {
		if d.toks[i].kind != tQuote || d.used[d.toks[i].q] {
			continue
		}
		q := d.quotes[d.toks[i].q]
		s, e := q.inner, trimSpaceEnd(d.text, q.inner, q.innerEnd)
		for e > s && d.text[e-1] == ',' {
			e = trimSpaceEnd(d.text, s, e-1)
		}
		for s < e && isSpace(runeAt(d.text, s, e)) {
			s += utf8.RuneLen(runeAt(d.text, s, e))
		}
		if e <= s {
			continue
		}
		d.used[d.toks[i].q] = true
		d.emit(ui, data.Direct, s, e, at, cont)
	}
}

// emitSpan emits [a, b) as mixed or indirect content (direct when it is
// just one quotation).
func (d *doc) emitSpan(ui, a, b int, at *att) {
	a = d.contentStart(a, b)
	for a < b && d.toks[a].kind == tQuote && d.used[d.toks[a].q] {
		// a quotation attributed already (`yelled "You lie!" at ...`)
		// is not part of another content
		if d.quotedBy(a, at) {
			// `said, "A," when asked about B`: the quotation is this
			// cue's content; the words after it are the writer's
			return
		}
		a = d.contentStart(a+1, b)
		if a < b && (d.isWord(a, "and") || d.isWord(a, "but")) {
			a++
		}
	}
	if a < d.setOff && d.setOff < b && at.cue[0] >= 0 {
		if at.cue[0] > d.setOff {
			// `He saw it differently: "A," he said.`: the cue is the
			// set-off quotation's own; the words before it are the writer's
			return
		}
		b = d.setOff // `it had lost its way: "A," he claimed`
	}
	b = d.contentEnd(a, b)
	if b <= a {
		return
	}
	if d.onlyQuotes(a, b) {
		d.emitQuotes(ui, a, b, at, false)
		return
	}
	if last := b - 1; d.toks[last].kind == tQuote && last-1 > a && d.isPunctAny(last-1, ",:") && !d.quotes[d.toks[last].q].single {
		// `to Nevadans: "..."`, `saying, "..."`: the quotation is the content
		if d.leadClause(a, last-1) || a > 0 && d.isWord(a-1, "that") && d.toks[a].kind == tWord && d.wordCount(a, last-1) >= 2 {
			// `said that in her state, "..."`: after that, the words
			// before the quotation open the reported clause: mixed
			// `said no matter what he does, "X"`: the writer's lead-in
			// clause is part of the content: mixed
			d.emitMixed(ui, a, b, at)
			return
		}
		if k := d.findWord(a, last-1, "adding"); k > a+2 {
			d.emitSpan(ui, a, k, at)
		}
		d.emitQuotes(ui, last, last+1, at, false)
		return
	}
	if d.toks[a].kind == tQuote && a+1 < b && at.cue[0] >= 0 && at.cue[1] <= a && !d.quotes[d.toks[a].q].single && d.noRunOn(a, b) {
		// `yelled "You lie!" at the speaker`, `declared "A" and said
		// that B`: the quotation is the content, the rest the writer's
		// (`vowed "A" but did not say how` stays one content)
		d.emitQuotes(ui, a, a+1, at, false)
		return
	}
	kind := data.Indirect
	for i := a; i < b; i++ {
		if d.toks[i].kind == tQuote {
			if d.quotes[d.toks[i].q].single && d.wordCount(i, i+1) < 2 {
				continue // a single-quoted word: an apostrophe as likely as a quote
			}
			kind = data.Mixed
			d.used[d.toks[i].q] = true
		}
	}
	if kind == data.Mixed && d.toks[a].kind == tQuote && (d.quotedShare(a, b) >= quoteShareDirect || d.wordCount(a, a+1) >= 2) {
		// `"A" but B, he said`: a content opening with a quotation is
		// direct speech run on by the writer
		kind = data.Direct
	}
	d.emit(ui, kind, d.toks[a].s, d.toks[b-1].e, at, false)
}

// noRunOn reports whether the words after the quotation at a, up to b,
// are not the quotation run on: it closes a sentence of its own (! ? .),
// or a dash or another verb of saying follows.
func (d *doc) noRunOn(a, b int) bool {
	q := d.quotes[d.toks[a].q]
	if r := d.lastRune(q); r == '!' || r == '?' || r == '.' {
		return true
	}
	if d.isPunctAny(a+1, "—–-") {
		return true
	}
	for i := a + 1; i < b; i++ {
		if d.toks[i].flags&fCue != 0 {
			return true
		}
	}
	return false
}

// cueTaken reports whether an attribution of the unit has the cue at token
// c already.
func (d *doc) cueTaken(c int) bool {
	cs := d.toks[c].s
	for i := len(d.out) - 1; i >= 0 && i >= len(d.out)-8; i-- {
		if q := &d.out[i]; q.CueSpan.Valid() && q.CueSpan.Start == cs {
			return true
		}
	}
	return false
}

// quotedBy reports whether the quotation at token k was attributed to the
// cue of at.
func (d *doc) quotedBy(k int, at *att) bool {
	if at.cue[0] < 0 {
		return false
	}
	cs := d.toks[at.cue[0]].s
	for i := len(d.out) - 1; i >= 0 && i >= len(d.out)-4; i-- {
		q := &d.out[i]
		if q.Content.Start >= d.toks[k].s && q.Content.End <= d.toks[k].e {
			return q.CueSpan.Valid() && q.CueSpan.Start == cs
		}
	}
	return false
}

// emitMixed emits [a, b) as mixed content, marking its quotations used.
func (d *doc) emitMixed(ui, a, b int, at *att) {
	b = d.contentEnd(a, b)
	if b <= a {
		return
	}
	for i := a; i < b; i++ {
		if d.toks[i].kind == tQuote {
			d.used[d.toks[i].q] = true
		}
	}
	d.emit(ui, data.Mixed, d.toks[a].s, d.toks[b-1].e, at, false)
}

// quoteShareDirect is the least share of a content's bytes inside quote
// marks for a content opening with a one-word quotation to count as
// direct (one of several words makes it direct whatever the share).
const quoteShareDirect = 0.5

// quotedShare is the share of the bytes of [a, b) inside quotations.
func (d *doc) quotedShare(a, b int) float64 {
	in := 0
	for i := a; i < b; i++ {
		if t := d.toks[i]; t.kind == tQuote {
			in += t.e - t.s
		}
	}
	return float64(in) / float64(max(1, d.toks[b-1].e-d.toks[a].s))
}

// emit appends one attribution, resolving its speaker.
func (d *doc) emit(ui int, kind data.QuoteKind, s, e int, at *att, cont bool) {
	q := data.Quote{Text: d.text[s:e], Content: data.Span{Start: s, End: e}, Kind: kind, CueSpan: data.NoSpan, SourceSpan: data.NoSpan}
	if at.cue[0] >= 0 {
		q.CueSpan = data.Span{Start: d.toks[at.cue[0]].s, End: d.toks[at.cue[1]-1].e}
		q.Cue = d.text[q.CueSpan.Start:q.CueSpan.End]
	}
	if at.src[0] >= 0 && at.src[1] > at.src[0] {
		q.SourceSpan = data.Span{Start: d.toks[at.src[0]].s, End: d.toks[at.src[1]-1].e}
		q.Source = d.text[q.SourceSpan.Start:q.SourceSpan.End]
		if at.speaker == "" && !cont {
			at.speaker, at.role = d.resolveSource(ui, at)
		}
	}
	if cont && at.srcSpan.Valid() {
		// a continuation is named by the words that named its speaker
		q.SourceSpan, q.Source = at.srcSpan, d.text[at.srcSpan.Start:at.srcSpan.End]
	}
	q.Speaker, q.Role = at.speaker, cleanRole(at.role)
	d.out = append(d.out, q)
	if q.Speaker != "" || q.SourceSpan.Valid() {
		d.last, d.lastUnit = len(d.out)-1, ui
	}
}
