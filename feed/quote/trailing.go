package quote

import "strings"

// Quotations that open their unit and are followed by their cue, and
// quotations with no cue that continue or follow an attribution.

// trailingCueAt is cueAt widened to the verbs that only cue an adjacent
// quotation; "pointed out", "went on", "shot back" keep their particle.
func (d *doc) trailingCueAt(i, te int) int {
	if ce := d.cueAt(i, te); ce > i {
		return ce
	}
	if i >= te || d.toks[i].flags&fTrailingCue == 0 {
		return i
	}
	if i+1 < te && d.toks[i+1].kind == tWord {
		switch strings.ToLower(d.word(i + 1)) {
		case "out", "on", "back", "in", "up":
			return i + 2
		}
	}
	return i + 1
}

// appositiveEnd returns the token after the comma closing the appositive
// that starts at the comma j.
func (d *doc) appositiveEnd(j, te int) int {
	k := j + 1
	for k < te && d.toks[k].kind == tWord {
		k++
	}
	if k < te && d.isPunct(k, ',') {
		return k + 1
	}
	return k
}

// trailingAttribution handles a unit opening with a quotation followed by
// its cue: `"...," he said`, `"...," said Mr Smith, "..."`.
func (d *doc) trailingAttribution(ui, ts, te int) bool {
	j := ts + 1
	for j < te && d.isPunctAny(j, ",—–-") {
		j++
	}
	if j >= te {
		return false
	}
	var at att
	if ce := d.trailingCueAt(j, te); ce > j || d.invertedVerbAt(j, te) {
		if ce == j {
			ce = j + 1 // `"This is fantastic!" beamed Donald Hartley`
		}
		sa, sb := d.npForward(ce, te)
		if sb == sa {
			return false
		}
		role := d.appositive(sb, te)
		if na, nb := d.nameAfterRole(sa, sb, te); nb > na {
			// `"...," said the coach, John Reed.`: the name speaks
			role, sa, sb = d.spanText(sa, sb), na, nb
		}
		at = att{cue: [2]int{j, ce}, src: [2]int{sa, sb}, role: role}
	} else {
		sa, sb := d.npForward(j, te)
		if sb == sa {
			return false
		}
		k := sb
		role := d.appositive(sb, te)
		if na, nb := d.nameAfterRole(sa, sb, te); nb > na && nb < te && d.isPunct(nb, ',') {
			// `"...," Ms Smith's manager, Tom Jones, said`: the name
			// speaks, the phrase before it is the role
			k = nb + 1
			role, sa, sb = d.spanText(sa, sb), na, nb
		} else if role != "" {
			k = d.appositiveEnd(sb, te)
		} else if e := d.asideEnd(sb, te); e > sb {
			k = e // `"...," Ramos, 58, told AFP`
			if e2 := d.asideEnd(k-1, te); e2 > k && isNumber(d.word(sb+1)) {
				k = e2 // `"...," Mr Smith, 52, from Leeds, said`
			}
		}
		k = d.skipAux(k, te)
		ce := d.trailingCueAt(k, te)
		if ce > k && d.cueAt(k, te) == k && !d.quoteEndsClause(ts) && ce < te && d.toks[ce].kind == tWord && !inSet(tailWords, d.word(ce)) {
			// `"...." The leader, Mr Reed, questioned what ...`: a verb
			// that only cues a quotation beside it, after a quoted
			// sentence, with a clause of its own
			return false
		}
		if ce == k && k < te && d.toks[k].kind == tWord && isPastVerb(d.word(k)) && d.quoteEndsClause(ts) && (k+1 == te || d.isPunctAny(k+1, ".,;") || d.toks[k+1].kind == tWord && (inSet(tailWords, d.word(k+1)) || d.isWord(k+1, "and"))) {
			ce = k + 1 // `"...," an angry Hollande retaliated.`
		}
		if ce == k && k < te && d.toks[k].kind == tWord && d.quoteEndsClause(ts) && (isPastVerb(d.word(k)) || isPresentVerb(d.word(k))) && d.isNameLike(sa, sb) {
			// `"...," LeVell assured the crowd`, `"...?" Beck questioned`:
			// a quotation closing on a comma, ? or ! then a name and a verb
			ce = k + 1
			if ce < te && (d.isWord(ce, "out") || d.isWord(ce, "back")) {
				ce++
			}
		}
		if ce == k {
			return false
		}
		at = att{cue: [2]int{k, ce}, src: [2]int{sa, sb}, role: role}
	}
	if d.quotes[d.toks[ts].q].single && !d.quotes[d.toks[ts].q].closed {
		return false
	}
	d.emitQuotes(ui, ts, ts+1, &at, false)
	// the second half of a quote split by its cue: `, "B."` or `: "B."`
	// after the attribution and a short tail, with no other verb between
	gap := 0
	for k := max(at.cue[1], at.src[1]); k < te; k++ {
		if d.toks[k].kind == tQuote {
			if !d.quotes[d.toks[k].q].single && (gap <= 6 && d.isPunctAny(k-1, ",:") || gap <= 30 && d.isPunct(k-1, ',') && (!d.finiteVerbIn(max(at.cue[1], at.src[1]), k) || d.splitSentence(ts, k) || d.openHalf(ts) && !d.sayingVerbIn(max(at.cue[1], at.src[1]), k)) || k == max(at.cue[1], at.src[1])) {
				d.emitQuotes(ui, k, k+1, &at, false)
				gap = 0
				continue
			}
			if q := d.quotes[d.toks[k].q]; !d.isPunctAny(k-1, ",:") && strings.Count(d.text[q.inner:q.innerEnd], " ") < 3 {
				gap++ // `on "Morning Joe," adding`: a quoted name
				continue
			}
			break
		}
		if d.toks[k].kind == tWord {
			gap++
		}
		if d.toks[k].kind == tWord && k > at.src[1] && k > at.cue[1] {
			if ce := d.cueAt(k, te); ce > k {
				// "..., adding that ...": same source, new cue
				w := strings.ToLower(d.word(k))
				if w == "adding" || w == "adds" {
					st := d.afterCue(k, ce, te)
					if en := d.contentEnd(st, te); en > st {
						sub := at
						sub.cue = [2]int{k, ce}
						if d.onlyQuotes(st, en) {
							d.emitQuotes(ui, st, en, &sub, false)
						} else {
							d.emitSpan(ui, st, en, &sub)
						}
					}
					break
				}
			}
		}
	}
	// `"A," he said, though he added, "B."`: a later quotation with its
	// own verb
	d.innerQuotes(ui, max(at.cue[1], at.src[1]), te)
	return true
}

// splitSentence reports whether the quotations at a and b are the halves
// of one sentence: the first closes on a comma, the second opens in lower
// case (`"Many are unsure," she wrote in a note explaining her vote, "but
// most agree."`).
func (d *doc) splitSentence(a, b int) bool {
	return d.openHalf(a) && d.lowerQuote(d.toks[b].q)
}

// openHalf reports whether the quotation at a closes on a comma: a
// sentence its speaker has not finished.
func (d *doc) openHalf(a int) bool {
	q := d.quotes[d.toks[a].q]
	return q.closed && d.lastRune(q) == ','
}

// sayingVerbIn reports whether [a, b) holds a verb of saying or of
// expression, which would introduce a quotation of its own.
func (d *doc) sayingVerbIn(a, b int) bool {
	for k := a; k < b; k++ {
		if t := d.toks[k]; t.kind == tQuote || t.kind == tWord && (t.flags&(fCue|fTrailingCue) != 0 || inSet(exprVerbs, d.word(k))) {
			return true
		}
	}
	return false
}

// pastCueAfterSubject reports whether token j is a verb of saying in the
// past tense right after a pronoun or a name, its subject: the verb of a
// clause, which heads no noun phrase (`she recounted telling them`; but
// `those questioned said`).
func (d *doc) pastCueAfterSubject(j, ts int) bool {
	w := d.word(j)
	if d.toks[j].flags&fTrailingCue == 0 || isCapitalised(w) || !strings.HasSuffix(w, "ed") || j-1 < ts || d.toks[j-1].kind != tWord {
		return false
	}
	_, pron := lookup(subjectPronouns, d.word(j-1))
	return pron || isCapitalised(d.word(j-1))
}

// isPassiveAux: forms of "be" that make a following participle passive.
func isPassiveAux(w string) bool {
	switch strings.ToLower(w) {
	case "was", "were", "is", "are", "be", "been", "being":
		return true
	}
	return false
}

// invertedVerbAt reports whether token j, right after a quotation, is a
// past-tense verb followed by a capitalised name: `"Wow!" beamed Ann Lee`.
func (d *doc) invertedVerbAt(j, te int) bool {
	if j+1 >= te || d.toks[j].kind != tWord || !isPastVerb(d.word(j)) || d.toks[j+1].kind != tWord {
		return false
	}
	w := d.word(j + 1)
	return isCapitalised(w) && !inSet(capStopWords, w)
}

// asideEnd returns the token after an aside between a source and its cue
// (`Ramos, 58,`, `Trump, the 2016 GOP front-runner,`, `Bill Eastland,
// wearing a cowboy hat,`): a comma, up to 24 tokens without a quotation or
// a sentence end, and a closing comma. It returns i when there is none.
func (d *doc) asideEnd(i, te int) int {
	if i < te && d.isPunct(i, '(') {
		// `Sen. Marco Rubio (R-Fla.) said`
		for k := i + 1; k < te && k-i <= 12; k++ {
			if d.isPunct(k, ')') {
				return k + 1
			}
			if d.toks[k].kind == tQuote {
				break
			}
		}
		return i
	}
	if i >= te || !d.isPunct(i, ',') {
		return i
	}
	for k := i + 1; k < te && k-i <= 24; k++ {
		switch d.toks[k].kind {
		case tQuote:
			if q := d.quotes[d.toks[k].q]; q.single || strings.Count(d.text[q.inner:q.innerEnd], " ") > 2 {
				return i
			} // `wearing "Ted Cruz" pins`: a short quoted name
		case tPunct:
			if d.isPunct(k, ',') {
				if k == i+1 {
					return i
				}
				return k + 1
			}
			if !d.isPunctAny(k, "()-–—'’/&$%.") {
				return i
			}
		}
	}
	return i
}

// continuation attributes a cue-less quotation to the previous speaker when
// the previous unit was an attribution or the quote reopens a running one.
func (d *doc) continuation(ui, ts, te int) {
	q := d.quotes[d.toks[ts].q]
	if q.single && !d.singleGoesOn(ui, q) {
		return
	}
	near := d.last >= 0 && (d.lastUnit == ui-1 || q.cont && d.lastUnit >= ui-3 || d.lastUnit >= ui-3 && d.units[d.lastUnit].para == d.units[ui].para)
	if !near || d.units[d.lastUnit].para < d.units[ui].para-1 {
		d.leadIn(ui, ts, te)
		return
	}
	prev := d.out[d.last]
	at := att{cue: [2]int{-1, -1}, src: [2]int{-1, -1}, speaker: prev.Speaker, role: prev.Role, srcSpan: prev.SourceSpan}
	d.emitQuotes(ui, ts, te, &at, true)
}

// singleGoesOn reports whether a single-quoted span, which counts as a
// quotation only beside a cue, goes on with the single-quoted quotation
// attributed in the unit before, in the same paragraph: `'We will fight
// on,' the leader said. 'There is no other way.'` It must make up its unit.
func (d *doc) singleGoesOn(ui int, q qspan) bool {
	u := d.units[ui]
	if !q.closed || d.last < 0 || d.lastUnit != ui-1 || d.units[d.lastUnit].para != u.para || !d.onlyQuotes(u.ts, u.te) {
		return false
	}
	before := d.text[:d.out[d.last].Content.Start]
	return strings.HasSuffix(before, "'") || strings.HasSuffix(before, "‘")
}

// leadIn attributes a quotation standing alone after a sentence that
// introduces its speaker without a verb of saying (`Mr Hale shrugged.
// "We will see."`): the subject of that sentence, when it opens it.
func (d *doc) leadIn(ui, ts, te int) {
	if ui == 0 {
		return
	}
	pu := d.units[ui-1]
	if pu.para != d.units[ui].para && (pu.para != d.units[ui].para-1 || d.quotes[d.toks[ts].q].cont) {
		return
	}
	ps := d.contentStart(pu.ts, pu.te)
	if ps >= pu.te || d.hasQuote(ps, pu.te) || d.toks[ps].kind != tWord || d.contentEnd(ps, pu.te) == pu.te || !d.isPunct(pu.te-1, '.') && !d.isPunct(pu.te-1, ':') {
		return
	}
	at := att{cue: [2]int{-1, -1}, src: [2]int{-1, -1}}
	if g, ok := lookup(subjectPronouns, d.word(ps)); ok {
		if g != 'm' && g != 'f' {
			return
		}
		at.src = [2]int{ps, ps + 1}
	} else {
		m := d.subjectOf(ui - 1)
		if m < 0 || d.ments[d.ments[m].canon].kind != kindPerson {
			return
		}
		a := d.ments[m].a
		if m > 0 && d.ments[m-1].possessed && d.ments[m-1].b == a {
			a = d.ments[m-1].a // `Iowa State's Ann Lee agreed.`
		}
		if a > ps+1 {
			return
		}
		at.src = [2]int{a, d.ments[m].b}
	}
	// the verb of the lead-in stands as the cue
	k := d.skipAux(at.src[1], pu.te)
	if k >= pu.te || d.toks[k].kind != tWord || isCapitalised(d.word(k)) {
		return
	}
	at.cue = [2]int{k, k + 1}
	d.emitQuotes(ui, ts, te, &at, false)
}

// finiteVerbIn reports whether [a, b) holds a cue or a past-tense verb
// outside an aside's participle: the words between a split quotation's
// halves then make a new clause rather than the speaker's role.
func (d *doc) finiteVerbIn(a, b int) bool {
	for k := a; k < b; k++ {
		if d.toks[k].kind == tQuote || d.toks[k].kind == tPunct && !d.isPunctAny(k, ",()-–—'’/&$%") {
			return true
		}
		if d.toks[k].kind == tWord && (d.toks[k].flags&fCue != 0 || isPastVerb(d.word(k)) && !d.isPunct(k-1, ',')) {
			return true
		}
	}
	return false
}

// lastRune is the last character inside quotation q, spaces left out:
// the punctuation it closes on.
func (d *doc) lastRune(q qspan) rune {
	return runeBefore(d.text, q.inner, trimSpaceEnd(d.text, q.inner, q.innerEnd))
}

// quoteEndsClause reports whether the quotation at token i closes on a
// comma, a question mark or an exclamation mark: the punctuation of a
// quotation followed by its attribution.
func (d *doc) quoteEndsClause(i int) bool {
	q := d.quotes[d.toks[i].q]
	r := d.lastRune(q)
	return q.closed && (r == ',' || r == '?' || r == '!')
}

// isPresentVerb: a lower-case word in -s after a name (`he mocks`).
func isPresentVerb(w string) bool {
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "ous") && !isCapitalised(w)
}

// isNameLike reports whether [a, b) names someone: a pronoun, or a phrase
// ending in a capitalised word or a noun after a determiner.
func (d *doc) isNameLike(a, b int) bool {
	if b-a == 1 {
		if _, ok := lookup(subjectPronouns, d.word(a)); ok {
			return true
		}
	}
	return isCapitalised(d.word(b-1)) || d.isWord(a, "the") || d.isWord(a, "a") || d.isWord(a, "this") || d.isWord(a, "one")
}
