package quote

// A quotation closing its unit after a cue, a colon or a comma, with no
// cue of its own after it: `telling them, "..."`, `saying the deal goes
// "nowhere near far enough"`, `The email goes on to say: "..."`.

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
	cue := d.cueBeforeQuote(j, ts, te)
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
	// a "that" clause of four words or more before the quotation: the
	// quotation closes the reported clause
	far := cue >= 0 && cue < j-3
	if cue >= 0 && cue < j && (j == k-1 || far) {
		// `saying they were "not a big deal"`: the quotation ends a
		// clause reported after the cue, which is the content: mixed,
		// unless the quotation is most of it (`saying he "will fight
		// for every vote in every state"`)
		st := d.afterCue(cue, cue+1, k+1)
		if st > k {
			return false // `told ABC's "Good Morning America."`: the cue's object
		}
		// (`said that in her state, "..."`: after "that" a phrase naming
		// the occasion opens the reported clause)
		if st < k && d.toks[st].kind == tWord && (!inSet(occasionWords, d.word(st)) || d.isWord(st-1, "that")) && !d.objectOf(cue, st) && (far || !d.quoteDominates(st, k)) {
			d.emitMixed(ui, st, k+1, &at)
			return true
		}
	}
	d.emitQuotes(ui, k, k+1, &at, false)
	return true
}

// cueBeforeQuote returns the verb of saying among the three words before
// j and j itself, or one that "that" follows among the six, or -1 (`
// insisting that the United States "must stop ..."`). A verb that only
// cues a quotation beside it is taken when no verb of saying stands
// further back: in `saying the deal goes "nowhere near far enough"` the
// clause after "saying" is the content.
func (d *doc) cueBeforeQuote(j, ts, te int) int {
	cue := -1
	for c := j; c >= ts && c >= j-6 && d.toks[c].kind == tWord; c-- {
		if d.cueAt(c, te) > c && (c >= j-3 || d.isWord(c+1, "that")) {
			return c
		}
		if cue < 0 && c >= j-3 && d.toks[c].flags&fTrailingCue != 0 {
			cue = c
		}
	}
	return cue
}

// objectOf reports whether the word at st, after the cue c, opens the
// cue's object (`telling reporters "..."`, `asked the crowd "..."`) rather
// than a reported clause (`saying the deal goes "..."`): an article opens
// an object only after a verb that takes one.
func (d *doc) objectOf(c, st int) bool {
	if !inSet(objectWords, d.word(st)) {
		return false
	}
	if !d.isWord(st, "the") && !d.isWord(st, "a") && !d.isWord(st, "an") {
		return true
	}
	switch lemma, _ := lookup(cueLemmas, d.word(c)); lemma {
	case "say", "add", "note", "argue", "explain", "insist", "claim", "suggest", "predict", "warn", "declare", "assert", "contend", "acknowledge", "admit", "complain", "concede", "confirm":
		return false
	}
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
