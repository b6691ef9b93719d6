package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"byline/data"
)

// analyse finds the attributions of unit ui.
func (d *doc) analyse(ui int) {
	u := d.units[ui]
	ts, te := d.contentStart(u.ts, u.te), u.te
	if ts >= te {
		return
	}
	pending := d.pending
	d.pending, d.setOff = nil, -1
	if d.dashSource(ui, ts, te) {
		return
	}
	if pending != nil && d.onlyQuotes(ts, te) {
		d.emitQuotes(ui, ts, te, pending, false)
		return
	}
	if d.toks[ts].kind == tQuote {
		if d.trailingAttribution(ui, ts, te) {
			return
		}
		if d.onlyQuotes(ts, te) {
			if !d.afterColon(ui, ts, te) {
				d.continuation(ui, ts, te)
			}
			return
		}
	}
	inner := d.innerQuotes(ui, ts, te)
	for i := ts; i < te; i++ {
		ce := d.cueAt(i, te)
		if ce == i {
			continue
		}
		if d.tryCue(ui, ts, te, i, ce) {
			return
		}
		i = ce - 1
	}
	if inner || d.finalQuote(ui, ts, te) {
		return
	}
	if d.connectiveQuote(ui, ts, te) {
		return
	}
	if d.toks[ts].kind == tQuote && !d.used[d.toks[ts].q] {
		// `"B." - increasing his lead`: a quotation opening a unit with
		// no cue continues the previous speaker
		d.continuation(ui, ts, ts+1)
	}
}

// connectives open a sentence that carries on what the last speaker said
// (`"...," she said. Then, "..."`).
var connectives = map[string]bool{
	"but": true, "and": true, "then": true, "instead": true, "still": true, "yet": true, "so": true,
	"now": true, "later": true, "also": true, "again": true, "indeed": true, "plus": true, "otherwise": true,
}

// connectiveQuote attributes a unit made of a connective and a quotation
// (`But "..."`, `Then, "..."`) to the previous speaker, as a
// continuation: the writer only links the speaker's sentences.
func (d *doc) connectiveQuote(ui, ts, te int) bool {
	k := d.contentEnd(ts, te) - 1
	if k <= ts || k > ts+2 || d.toks[k].kind != tQuote || d.used[d.toks[k].q] || d.toks[ts].kind != tWord || !inSet(connectives, d.word(ts)) {
		return false
	}
	if k == ts+2 && !d.isPunct(ts+1, ',') {
		return false
	}
	n := len(d.out)
	d.continuation(ui, k, k+1)
	return len(d.out) > n
}

// afterColon attributes a quotation whose previous unit ends with a colon
// but had no cue (`Jared Potts echoed:`, `the following statement:`) to
// that unit's subject.
func (d *doc) afterColon(ui, ts, te int) bool {
	if ui == 0 {
		return false
	}
	pu := d.units[ui-1]
	if pu.te <= pu.ts || !d.isPunct(pu.te-1, ':') {
		return false
	}
	at := att{cue: [2]int{-1, -1}, src: [2]int{-1, -1}}
	if k := pu.te - 2; k >= pu.ts && d.toks[k].kind == tWord {
		at.cue = [2]int{k, k + 1}
		if sa, sb, role, ok := d.npBefore(k, pu.ts); ok {
			at.src, at.role = [2]int{sa, sb}, role
		}
	}
	if at.src[0] < 0 {
		if m := d.subjectOf(ui - 1); m >= 0 {
			at.src = [2]int{d.ments[m].a, d.ments[m].b}
		}
	}
	d.emitQuotes(ui, ts, te, &at, false)
	return true
}

// subjectOf returns the first non-possessive person or organisation named
// in unit ui, or -1.
func (d *doc) subjectOf(ui int) int {
	u := d.units[ui]
	for k := d.firstMentionFrom(u.ts); k >= 0 && k < len(d.ments) && d.ments[k].a < u.te; k++ {
		m := &d.ments[k]
		if !m.possessed && d.ments[m.canon].kind != kindUnknown {
			return k
		}
	}
	return -1
}

func (d *doc) firstMentionFrom(i int) int {
	lo, hi := 0, len(d.ments)
	for lo < hi {
		mid := (lo + hi) / 2
		if d.ments[mid].a < i {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// finalQuote attributes a quotation closing the unit after a colon or a
// cue: `The email goes on to say: "..."`, `telling them, "..."`.
func (d *doc) finalQuote(ui, ts, te int) bool {
	k := d.contentEnd(ts, te) - 1
	if k <= ts || d.toks[k].kind != tQuote || d.used[d.toks[k].q] || d.quotes[d.toks[k].q].single {
		return false
	}
	j := k - 1
	colon := d.isPunct(j, ':')
	if colon || d.isPunct(j, ',') {
		j--
	}
	// the cue: the word before, or the verb before its object
	cue := -1
	for c := j; c >= ts && c >= j-3 && d.toks[c].kind == tWord; c-- {
		if d.cueAt(c, te) > c || d.trailingCueAt(c, te) > c || inSet(trailingCues, d.word(c)) {
			cue = c
			break
		}
	}
	if cue < 0 && !colon {
		return false
	}
	at := att{cue: [2]int{-1, -1}, src: [2]int{-1, -1}}
	if cue >= 0 {
		at.cue = [2]int{cue, cue + 1}
		if sa, sb, role, ok := d.npBefore(cue, ts); ok {
			at.src, at.role = [2]int{sa, sb}, role
		}
	} else if j >= ts && d.toks[j].kind == tWord && isCapitalised(d.word(j)) && !inSet(capStopWords, d.word(j)) {
		// `Rovers boss Keller: "..."`: the name before the colon is the
		// source, the colon the cue
		at.cue = [2]int{j + 1, j + 2}
		if sa, sb, ok := d.npBack(j, ts); ok {
			at.src = [2]int{sa, sb}
		}
	} else if j >= ts && d.toks[j].kind == tWord {
		at.cue = [2]int{j, j + 1}
	}
	if at.src[0] < 0 {
		if m := d.subjectOf(ui); m >= 0 && d.ments[m].a < d.toks[k].s {
			at.src = [2]int{d.ments[m].a, d.ments[m].b}
		}
	}
	if cue >= 0 && cue < j && j == k-1 {
		// `saying they were "not a big deal"`: the quotation ends a
		// clause reported after the cue, which is the content: mixed,
		// unless the quotation is most of it (`saying he "will fight
		// for every vote in every state"`)
		if st := d.afterCue(cue, cue+1, k); st < k && d.toks[st].kind == tWord && !inSet(occasionWords, d.word(st)) && !inSet(objectWords, d.word(st)) && !d.quoteDominates(st, k) {
			d.emitMixed(ui, st, k+1, &at)
			return true
		}
	}
	d.emitQuotes(ui, k, k+1, &at, false)
	return true
}

// quoteDominates reports whether the quotation at k, closing a clause
// that opens at st, holds most of its words: the writer's words before it
// are a short subject (`he "will meet any candidate who asks"`).
func (d *doc) quoteDominates(st, k int) bool {
	n := d.wordCount(k, k+1)
	return n >= dominantQuoteWords && n >= 3*d.wordCount(st, k)
}

// dominantQuoteWords is the fewest words of a quotation that dominates
// the clause it closes.
const dominantQuoteWords = 8

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

// tryCue tries to build an attribution around the cue [c, ce).
func (d *doc) tryCue(ui, ts, te, c, ce int) bool {
	cw := strings.ToLower(d.word(c))
	weak := weakCues[cw]
	if c > ts && d.toks[c-1].kind == tWord && isPassiveAux(d.word(c-1)) && strings.HasSuffix(cw, "ed") || cw == "said" && c > ts && isPassiveAux(d.word(c-1)) {
		return false // `She was said to be stable`, `The patient was admitted`
	}
	if ce < te && d.isWord(ce, "by") && (strings.HasSuffix(cw, "ed") || cw == "told" || cw == "written") {
		return false // `proposals announced by the minister`: a passive participle, no one speaks
	}
	if lemma, _ := lookup(cueLemmas, cw); lemma == "write" && ce+1 < te && d.isWord(ce, "in") && d.isWord(ce+1, "to") {
		// `fans wrote in to the BBC`: they sent letters, no words are
		// reported (`wrote in the Post that` reports them)
		return false
	}
	if ce == c+2 { // according to
		return d.accordingTo(ui, ts, te, c, ce)
	}
	// inverted: `..., said Mr Smith.`
	if c > ts && (d.isPunct(c-1, ',') || d.toks[c-1].kind == tQuote) {
		sa, sb := d.npForward(ce, te)
		role := ""
		if na, nb := d.nameAfterRole(sa, sb, te); nb > na {
			// `said the coach, John Reed.`: the name speaks, in that role
			role, sa, sb = d.spanText(sa, sb), na, nb
		}
		if sb > sa && (d.contentEnd(sb, te) == sb || d.appositive(sb, te) != "" || d.isTail(sb, d.contentEnd(sb, te))) {
			end := c
			if d.isPunct(c-1, ',') {
				end = c - 1
			}
			if role == "" {
				role = d.appositive(sb, te)
			}
			if d.wordCount(ts, end) >= 3 && !weak {
				at := att{cue: [2]int{c, ce}, src: [2]int{sa, sb}, role: role}
				d.emitSpan(ui, ts, end, &at)
				return true
			}
		}
	}
	sa, sb, role, ok := d.npBefore(c, ts)
	if !ok {
		return false
	}
	at := att{cue: [2]int{c, ce}, src: [2]int{sa, sb}, role: role}
	st := d.afterCue(c, ce, te)
	en := d.contentEnd(st, te)
	before := sa > ts+1 && (d.isPunct(sa-1, ',') || d.toks[sa-1].kind == tQuote || d.isPunct(sa-1, '—'))
	strongAfter := st < te && (st > ce && (d.isWord(st-1, "that") || d.isPunct(st-1, ':')) || d.toks[st].kind == tQuote)
	after := en > st && (d.wordCount(st, en) >= 3 || d.hasQuote(st, en))
	if after && !strongAfter && before && d.toks[st].kind == tWord && inSet(tailWords, d.word(st)) {
		after = false // `..., Mr X said in a statement.`
	}
	if st > ce && d.isPunct(st-1, ':') && en <= st {
		d.pending = &at
		return true
	}
	switch {
	case after:
		if weak && !strongAfter {
			return false
		}
		if st > ce && d.isWord(st-1, "that") && d.toks[st].kind == tQuote && !d.quotes[d.toks[st].q].single {
			// `told them that "we're in this together"`: the writer reports
			// the clause and quotes its words: mixed, not direct
			d.emitMixed(ui, st, en, &at)
			return true
		}
		if before && d.isPunct(sa-1, ',') && d.toks[st].kind == tQuote && !d.used[d.toks[st].q] && d.lowerQuote(d.toks[st].q) && d.wordCount(ts, sa-1) >= 3 {
			// `If they win, he said, "the party is over."`: the quotation
			// ends the writer's sentence, the clause before is content
			d.emitMixed(ui, ts, en, &at)
			return true
		}
		if d.onlyQuotes(st, en) {
			d.emitQuotes(ui, st, st+1, &at, false)
			if st+1 < en {
				d.emitQuotes(ui, st+1, en, &at, false)
			}
		} else {
			if before && d.isPunct(ce, ',') && !strongAfter && d.isPunct(sa-1, ',') && d.wordCount(ts, sa) <= 6 && !inSet(capStopWords, d.word(ts)) {
				// `The plan, he said, is dead.`: both sides are the content
				d.emitSpan(ui, ts, en, &at)
				return true
			}
			d.emitSpan(ui, st, en, &at)
		}
		return true
	case before && !weak:
		end := sa - 1
		if d.toks[sa-1].kind == tQuote {
			end = sa
		}
		if d.onlyQuotes(ts, end) {
			d.emitQuotes(ui, ts, end, &at, false)
		} else {
			d.emitSpan(ui, ts, end, &at)
		}
		return true
	case en <= st && sa == ts:
		if ce < te && d.isPunct(ce, ':') || st < te && d.isPunct(st-1, ':') {
			d.pending = &at
			return true
		}
		// `"Stop!" \n Smith said.`: the attribution of the quotation before
		if ui > 0 {
			pu := d.units[ui-1]
			ps := d.contentStart(pu.ts, pu.te)
			if ps < pu.te && d.onlyQuotes(ps, pu.te) && !d.anyUsed(ps, pu.te) {
				d.emitQuotes(ui-1, ps, pu.te, &at, false)
				return true
			}
		}
	}
	return false
}

func (d *doc) anyUsed(a, b int) bool {
	for i := a; i < b; i++ {
		if d.toks[i].kind == tQuote && d.used[d.toks[i].q] && d.isPunctAny(i-1, ":—–-(") {
			return true
		}
	}
	return false
}

// accordingTo handles "according to X, ..." and "..., according to X".
func (d *doc) accordingTo(ui, ts, te, c, ce int) bool {
	sa, sb := d.npForward(ce, te)
	if sb == sa {
		return false
	}
	at := att{cue: [2]int{c, ce}, src: [2]int{sa, sb}, role: d.appositive(sb, te)}
	switch {
	case c == ts || c == ts+1 && d.toks[ts].kind == tWord && inSet(capStopWords, d.word(ts)):
		st := sb
		for st < te && !d.isPunct(st, ',') && d.toks[st].kind != tQuote && st-sb < 12 {
			st++
		}
		st = d.contentStart(st, te)
		en := d.contentEnd(st, te)
		if en <= st {
			return false
		}
		d.emitSpan(ui, st, en, &at)
	default:
		end := c
		if d.isPunct(c-1, ',') {
			end = c - 1
		}
		if end <= ts {
			return false
		}
		if k := d.contentEnd(sb, te); k > sb+1 && d.isPunct(sb, ',') {
			end = k // "X, according to Y, is ...": the whole sentence
		}
		d.emitSpan(ui, ts, end, &at)
	}
	return true
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
			if d.quotes[d.toks[i].q].single {
				continue
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
	if r := runeBefore(d.text, q.inner, trimSpaceEnd(d.text, q.inner, q.innerEnd)); r == '!' || r == '?' || r == '.' {
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
	q.Speaker, q.Role = at.speaker, at.role
	d.out = append(d.out, q)
	if q.Speaker != "" || q.SourceSpan.Valid() {
		d.last, d.lastUnit = len(d.out)-1, ui
	}
}

// dashSource attributes a paragraph of quotations to the name on the line
// after it that opens with a dash (`"..."` then `- Bernie Sanders.`).
func (d *doc) dashSource(ui, ts, te int) bool {
	u := d.units[ui]
	if ui == 0 || u.ts >= ts || !d.isPunctAny(u.ts, "-–—") || d.units[ui-1].para != u.para-1 {
		return false
	}
	pu := d.units[ui-1]
	ps := d.contentStart(pu.ts, pu.te)
	if ps >= pu.te || !d.onlyQuotes(ps, pu.te) || d.anyUsed(ps, pu.te) {
		return false
	}
	sa, sb := d.npForward(ts, te)
	if sb == sa || !isCapitalised(d.word(sb-1)) {
		return false
	}
	at := att{cue: [2]int{u.ts, u.ts + 1}, src: [2]int{sa, sb}, role: d.appositive(sb, te)}
	d.emitQuotes(ui-1, ps, pu.te, &at, false)
	return true
}

// leadClause reports whether [a, b), the words between a cue and the
// quotation closing its content, are a clause of the writer's own (`said
// whatever voters decide, "..."`) rather than a phrase naming the occasion
// or another verb of saying (`to Nevadans: "..."`, `adding, "..."`).
func (d *doc) leadClause(a, b int) bool {
	if d.wordCount(a, b) < leadClauseWords || d.toks[a].kind != tWord || inSet(occasionWords, d.word(a)) || inSet(objectWords, d.word(a)) && !d.isWord(a, "the") && !d.isWord(a, "a") && !d.isWord(a, "an") {
		return false
	}
	for i := a; i < b; i++ {
		if d.toks[i].kind == tWord && d.verbish(i) && (d.toks[i].flags&(fCue|fTrailingCue) != 0 || inSet(exprVerbs, d.word(i))) {
			return false
		}
	}
	return true
}

// leadClauseWords is the fewest words of a lead-in clause.
const leadClauseWords = 4

// occasionWords open a phrase naming where, when or to whom something was
// said (`at a rally,`, `in the spring,`), not a clause.
var occasionWords = map[string]bool{
	"at": true, "in": true, "on": true, "of": true, "about": true, "to": true, "with": true, "during": true,
	"back": true, "from": true, "last": true, "this": true, "before": true, "earlier": true, "later": true,
	"recently": true, "again": true, "then": true, "and": true, "but": true,
}

// lowerQuote reports whether quotation k opens with a lower-case letter.
func (d *doc) lowerQuote(k int32) bool {
	q := d.quotes[k]
	for _, r := range d.text[q.inner:q.innerEnd] {
		return unicode.IsLower(r)
	}
	return false
}
