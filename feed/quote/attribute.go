package quote

import (
	"strings"
	"unicode"
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
	if ce := d.cueAt(ts, te); ce > ts && ce != ts+2 && d.openingCue(ui, te, ts, ce) { // not `According to`
		return
	}
	inner := d.innerQuotes(ui, ts, te)
	for i, from := ts, ts; i < te; i++ {
		ce := d.cueAt(i, te)
		if ce == i {
			continue
		}
		d.resume = -1
		if d.tryCue(ui, from, te, i, ce) {
			if d.resume < 0 {
				return
			}
			// `X said A, while Y said B`: the clause of B goes on as a
			// unit of its own (a loop, not recursion: a sentence may
			// have thousands of clauses)
			from, i = d.resume, d.resume-1
			continue
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

// circumstanceWords open the phrases after a cue that say where, when or
// how it was said (`in a statement`, `on Tuesday`), never what: unlike
// "to", "about" or "for" (`urged them to vote`, `asked about the plan`),
// or "this", "there" and "today" (`said this is a rough patch`).
var circumstanceWords = map[string]bool{
	"in": true, "on": true, "at": true, "during": true, "after": true, "before": true, "via": true,
	"through": true, "from": true, "with": true, "while": true, "when": true, "outside": true,
	"inside": true, "amid": true, "under": true,
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
	if strings.HasSuffix(cw, "ing") && !weak && c > ts+2 && d.isPunct(c-1, ',') {
		// `Mr Smith rejected the plan, saying it would ...`: a participle
		// after the sentence's clause reports what its subject said
		if sa, sb := d.clauseSubject(ts, c-1); sb > sa {
			st := d.afterCue(c, ce, te)
			if en := d.contentEnd(st, te); d.reportsEnough(st, en) {
				at := att{cue: [2]int{c, ce}, src: [2]int{sa, sb}}
				if k := d.coordinatedReport(st, en); k > st {
					// `saying, "...", but he denied that ...`: the second
					// clause reports on its own
					d.emitSpan(ui, st, d.contentEnd(st, k), &at)
					d.resume = k + 2
					return true
				}
				switch {
				case d.onlyQuotes(st, en):
					d.emitQuotes(ui, st, en, &at, false)
				case d.toks[st].kind == tQuote && st > ce && d.isWord(st-1, "that"):
					d.emitMixed(ui, st, en, &at)
				default:
					d.emitSpan(ui, st, en, &at)
				}
				return true
			}
		}
	}
	// inverted: `..., said Mr Smith.`
	if c > ts && (d.isPunct(c-1, ',') || d.toks[c-1].kind == tQuote) && !(ce < te && d.toks[ce].kind == tWord && inSet(tailWords, d.word(ce))) {
		// (`Ann Lee, R-Pa., said of the plan`: a phrase opening with
		// "of", "in" or "on" after the cue names no speaker)
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
			if d.atLeastWords(ts, end, 3) && !weak {
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
	if n := d.contentStart(ts, sa); sa > n+1 && d.isPunct(sa-1, ',') && d.isWord(sa, "the") && d.isNameSpan(n, sa-1) && d.personAt(n, sa-1) {
		// `Sam Lau, the party's spokesman said ...`: a name and its role
		// with the closing comma left out; the name speaks
		role, sa, sb = d.spanText(sa, sb), n, sa-1
	}
	at := att{cue: [2]int{c, ce}, src: [2]int{sa, sb}, role: role}
	st := d.afterCue(c, ce, te)
	en := d.contentEnd(st, te)
	before := sa > ts+1 && (d.isPunct(sa-1, ',') || d.toks[sa-1].kind == tQuote || d.isPunct(sa-1, '—'))
	strongAfter := st < te && (st > ce && (d.isWord(st-1, "that") || d.isPunct(st-1, ':')) || d.toks[st].kind == tQuote)
	after := d.reportsEnough(st, en)
	if after && !strongAfter && before && d.toks[st].kind == tWord && inSet(tailWords, d.word(st)) && !d.existential(st, te) {
		after = false // `..., Mr X said in a statement.`
	}
	if st > ce && d.isPunct(st-1, ':') && en <= st {
		d.pending = &at
		return true
	}
	if after && !strongAfter && !before && inSet(circumstanceWords, d.word(st)) && d.isTail(st, en) {
		// `Sam Lau said in a statement.`: where, when or how, not what;
		// the quotation that may follow is what was said
		d.pending = &at
		return true
	}
	if after && !strongAfter && sa == ts && d.isTail(st, en) && d.attributePrevious(ui, &at) {
		// `"Why not?" \n Smith asked on Friday.`: the attribution of the
		// quotation before
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
		if before && d.isPunct(sa-1, ',') && d.toks[st].kind == tQuote && !d.used[d.toks[st].q] && d.lowerQuote(d.toks[st].q) && d.atLeastWords(ts, sa-1, 3) {
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
			if before && d.isPunct(ce, ',') && !strongAfter && d.isPunct(sa-1, ',') && !d.atLeastWords(ts, sa, 7) && !inSet(capStopWords, d.word(ts)) {
				// `The plan, he said, is dead.`: both sides are the content
				d.emitSpan(ui, ts, en, &at)
				return true
			}
			if k := d.coordinatedReport(st, en); k > st {
				// `Ayotte said she would back him, while Collins said
				// ...`: the second clause reports someone else
				d.emitSpan(ui, st, d.contentEnd(st, k), &at)
				d.resume = k + 2
				return true
			}
			if k, c2 := d.sharedCue(cw, st, en); k > st {
				// `said it was too early but added, "..."`: a second verb
				// of the same speaker reports a content of its own
				d.emitSpan(ui, st, d.contentEnd(st, k), &at)
				sub := at
				sub.cue = [2]int{c2, d.cueAt(c2, en)}
				st2 := d.afterCue(c2, sub.cue[1], en)
				switch en2 := d.contentEnd(st2, en); {
				case d.isWord(st2-1, "that") && d.toks[st2].kind == tQuote:
					d.emitMixed(ui, st2, en2, &sub) // as `told them that "..."`
				case d.onlyQuotes(st2, en2):
					d.emitQuotes(ui, st2, en2, &sub, false)
				default:
					d.emitSpan(ui, st2, en2, &sub)
				}
				return true
			}
			d.emitSpan(ui, st, en, &at)
		}
		return true
	case before && !weak && !d.cueTaken(c):
		// (`Last spring, Clinton said at a press conference, "..."`: the
		// cue has its quotation, the words before the speaker are the
		// writer's)
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
		return d.attributePrevious(ui, &at)
	}
	return false
}

// reportsEnough reports whether the content [st, en) after a cue is
// enough to be attributed: three words, or a quotation.
func (d *doc) reportsEnough(st, en int) bool {
	return en > st && (d.atLeastWords(st, en, 3) || d.hasQuote(st, en))
}

// clauseSubject returns the subject that opens the clause [ts, end): a
// subject pronoun, or a name (after "The", perhaps) that a word follows,
// its verb; else an empty span.
func (d *doc) clauseSubject(ts, end int) (a, b int) {
	if d.toks[ts].kind != tWord {
		return ts, ts
	}
	if g, ok := lookup(subjectPronouns, d.word(ts)); ok && g != 'i' && g != 'w' && g != 'y' {
		return ts, ts + 1
	}
	m := d.mentionAt(ts)
	if m < 0 && d.isWord(ts, "the") && ts+1 < end {
		m = d.mentionAt(ts + 1)
	}
	if m < 0 || d.ments[m].possessed || d.ments[m].b+1 >= end || d.toks[d.ments[m].b].kind != tWord {
		return ts, ts
	}
	if k := d.ments[d.ments[m].canon].kind; k != kindPerson && k != kindOrg {
		return ts, ts
	}
	return ts, d.ments[m].b
}

// personAt reports whether [a, b) is the name of a person: a mention
// of that kind, of two words or more (not `Separately,` or `Instead,`),
// that no preposition opens (`Like Trump,`).
func (d *doc) personAt(a, b int) bool {
	m := d.mentionAt(a)
	if m < 0 || b-a < 2 || d.ments[m].a != a || d.ments[m].b != b || d.ments[d.ments[m].canon].kind != kindPerson {
		return false
	}
	w := d.word(a)
	return !inSet(clauseWords, w) && !inSet(occasionWords, w) && !strings.EqualFold(w, "like") && !strings.EqualFold(w, "unlike")
}

// attributePrevious gives the attribution at, which opens unit ui and has
// no content of its own, to the quotations that make up the unit before.
func (d *doc) attributePrevious(ui int, at *att) bool {
	if ui == 0 {
		return false
	}
	pu := d.units[ui-1]
	ps := d.contentStart(pu.ts, pu.te)
	if ps >= pu.te || !d.onlyQuotes(ps, pu.te) || d.anyUsed(ps, pu.te) {
		return false
	}
	d.emitQuotes(ui-1, ps, pu.te, at, false)
	return true
}

// existential reports whether the word at i opens a clause with a verb of
// being (`warned there is a risk`, `said here was the chance`): the
// content, not a phrase saying where.
func (d *doc) existential(i, te int) bool {
	return i+1 < te && d.toks[i+1].kind == tWord && isPassiveAux(d.word(i+1))
}

// openingCue handles a cue that opens its sentence with the speaker's name
// after it: `Said Tom Reed: "..."`, `Said Ann Lee, who grew up here,
// "..."`. The quotation follows the name, or an aside set off by commas.
func (d *doc) openingCue(ui, te, c, ce int) bool {
	sa, sb := d.npForward(ce, te)
	if sb == sa || !isCapitalised(d.word(sa)) || sb >= te {
		return false
	}
	at := att{cue: [2]int{c, ce}, src: [2]int{sa, sb}, role: d.appositive(sb, te)}
	if d.isPunct(sb, ':') && sb+1 == te {
		d.pending = &at // the quotation opens the next paragraph
		return true
	}
	if !d.isPunct(sb, ':') && !d.isPunct(sb, ',') {
		return false
	}
	q := sb + 1
	if d.isPunct(sb, ',') {
		// an aside up to the comma before the quotation, with no verb
		// of saying of its own (`Said X, one sign read, "..."`)
		for q < te && q-sb <= 24 && d.toks[q].kind != tQuote {
			if d.toks[q].flags&fCue != 0 {
				return false
			}
			q++
		}
		if q >= te || q == sb+1 || !d.isPunct(q-1, ',') {
			return false
		}
	}
	if q >= te || d.toks[q].kind != tQuote || d.used[d.toks[q].q] || d.quotes[d.toks[q].q].single {
		return false
	}
	en := d.contentEnd(q, te)
	if !d.onlyQuotes(q, en) {
		return false
	}
	for k := en; k < te; k++ {
		if d.toks[k].kind == tWord {
			return false // `..., "A," read a sign.`: the quotation's own cue
		}
	}
	d.emitQuotes(ui, q, en, &at, false)
	return true
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
		if at.role != "" {
			// `According to Jane Roe, the mayor, ...`: a role set off by
			// commas is no part of the content. Other words after the
			// source's comma are the content (`According to police, the
			// man was held.`, `According to X, the economy, however, is
			// weak.`, `According to X, sales were up, ...`)
			k, verb, roleNoun := sb+1, false, false
			for k < te && d.toks[k].kind == tWord {
				verb = verb || inSet(auxWords, d.word(k)) || d.verbish(k)
				roleNoun = roleNoun || classOf(d.word(k))&cRoleNoun != 0
				k++
			}
			switch {
			case !roleNoun || verb || k >= te || !d.isPunct(k, ',') || k-sb > 9:
				at.role = ""
			case k+1 < te && d.toks[k+1].kind == tWord && (inSet(clauseWords, d.word(k+1)) || d.verbish(k+1)):
				// `the mayor, who spoke on Monday, ...`: where the
				// aside ends is not clear; the content starts as before
			default:
				st = k
			}
		}
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
