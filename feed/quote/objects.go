package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Quotations introduced inside a sentence by a verb that is not the
// sentence's main cue: `Clinton said, "..."` after an earlier clause,
// `the crowd chanted "..."`, `called his actions "a crucial step"`.

// exprVerbs are verbs of expression that introduce a quotation standing
// right after them (`read "Hispanics 4 Trump"`, `chanted "USA!"`) though
// they are not verbs of saying elsewhere.
var exprVerbs = map[string]bool{
	"read": true, "reads": true, "reading": true, "chant": true, "chanted": true, "chanting": true, "chants": true,
	"shout": true, "shouted": true, "shouting": true, "shouts": true, "yelled": true, "yelling": true, "screamed": true,
	"screaming": true, "tweeted": true, "tweeting": true, "mouthing": true, "mouthed": true, "titled": true,
	"entitled": true, "echoing": true, "echoed": true, "sang": true, "sings": true, "singing": true, "wrote": true,
	"writing": true, "saying": true, "declaring": true, "proclaiming": true, "cried": true, "crying": true,
	"exclaimed": true, "exclaiming": true, "whispered": true, "whispering": true, "posted": true, "posting": true,
	"interjected": true, "interjecting": true, "tweets": true, "writes": true, "says": true, "said": true,
	"asked": true, "asking": true, "added": true, "adding": true, "replied": true, "replying": true, "told": true,
	"telling": true, "declared": true, "proclaimed": true, "stated": true, "responded": true, "concluded": true,
	"insisted": true, "insisting": true, "joked": true, "joking": true, "quipped": true, "warned": true, "warning": true,
	"announced": true, "announcing": true, "explained": true, "explaining": true, "urged": true,
	"urging": true, "promising": true, "vowing": true, "boasted": true, "boasting": true, "predicted": true,
	"continued": true, "continues": true, "argued": true, "arguing": true, "noted": true, "noting": true,
}

// verbish reports whether token i reads as a verb that may introduce a
// quotation after a comma or colon: a cue, an expression verb, or a word
// in -ed or -ing.
func (d *doc) verbish(i int) bool {
	t := d.toks[i]
	if t.kind != tWord {
		return false
	}
	if t.flags&(fCue|fTrailingCue) != 0 || inSet(exprVerbs, d.word(i)) {
		return true
	}
	w := d.word(i)
	if isCapitalised(w) || len(w) < 5 {
		return false
	}
	return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") && !inSet(ingNouns, w)
}

// ingNouns end in -ing but are not verbs before a quotation.
var ingNouns = map[string]bool{
	"morning": true, "evening": true, "building": true, "meeting": true, "hearing": true, "briefing": true,
	"thing": true, "something": true, "nothing": true, "anything": true, "everything": true, "spring": true,
	"during": true, "according": true, "including": true, "regarding": true, "following": true, "ruling": true,
	"wedding": true, "funding": true, "polling": true, "spending": true, "king": true, "string": true, "offering": true,
}

// innerQuotes attributes the quotations introduced inside the unit by a
// verb: `V, "..."`, `V: "..."`, `V "..."` (verbs of expression) and `V X
// "..."` (verbs of calling, the quotation more than one word). It reports
// whether it emitted anything.
func (d *doc) innerQuotes(ui, ts, te int) bool {
	found := false
	for k := ts + 1; k < te; k++ {
		t := d.toks[k]
		if t.kind != tQuote || d.used[t.q] || d.quotes[t.q].single {
			continue
		}
		if d.isPunctAny(k-1, ":—–-(") && d.trailingAttribution(ui, k, te) {
			// `Trump asserted it: "A," he claimed.`: a quotation set off
			// by a colon, a dash or a parenthesis, with its own attribution
			// after it; it ends the content of an earlier cue
			d.setOff = k
			found = true
			continue
		}
		cue := -1
		if d.isPunctAny(k-1, ",:") && k-2 >= ts {
			cue = d.introVerb(k-2, ts)
			if q := d.quotes[t.q]; cue >= 0 && cue < k-2 && strings.Contains(strings.TrimSpace(d.text[q.inner:q.innerEnd]), " ") && d.isTitleCase(d.text[q.inner:q.innerEnd]) {
				// `said in his 2012 book, "An American Son."`: the title
				// of the work that words came from, not the words
				cue = -1
			}
		} else if d.toks[k-1].kind == tWord {
			cue = d.adjacentVerb(k, te)
		}
		if cue < 0 && d.isPunct(k-1, ':') && k-2 >= ts && d.toks[k-2].kind == tWord && isCapitalised(d.word(k-2)) && !inSet(capStopWords, d.word(k-2)) {
			// `Pollsters agree - Carl Bialik: "..."`: the name before the
			// colon is the source, the colon the cue
			if sa, sb, ok := d.npBack(k-2, ts); ok {
				at := att{cue: [2]int{k - 1, k}, src: [2]int{sa, sb}}
				d.emitQuotes(ui, k, k+1, &at, false)
				found = true
			}
			continue
		}
		if cue < 0 || cue == k-2 && d.toks[cue].flags&fCue != 0 && d.runOnTail(k+1, te) {
			// `said, "A" until B`: the cue's quotation run on, left to the
			// cue's own content
			continue
		}
		at := att{cue: [2]int{cue, cue + 1}, src: [2]int{-1, -1}}
		if sa, sb, role, ok := d.npBefore(cue, ts); ok {
			for j := sa + 1; j < sb-1; j++ {
				if d.isWord(j, "and") && !isCapitalised(d.word(j-1)) {
					sa = j + 1 // `asked for a photo and Clinton said`
				}
			}
			at.src, at.role = [2]int{sa, sb}, role
			if cue == k-2 && sb == cue && d.lowerQuote(t.q) && sa > ts+1 && d.isPunct(sa-1, ',') && d.wordCount(ts, sa-1) >= 3 {
				// `If they win, he said, "the party is over."`: left to the
				// cue's own content, mixed
				continue
			}
		} else if c0 := d.coordinatedWith(ui, cue); c0 >= 0 {
			// `Lee said A and added, "B"`: the subject of the verb before
			if sa, sb, role, ok := d.npBefore(c0, d.units[ui].ts); ok {
				at.src, at.role = [2]int{sa, sb}, role
			}
		} else if cue > ts && d.isPunct(cue-1, ',') && strings.HasSuffix(d.word(cue), "ing") {
			// `Ann Lee waved, telling them, "..."`: the participle's
			// subject is the sentence's
			if m := d.subjectOf(ui); m >= 0 && d.ments[m].b < cue {
				at.src = [2]int{d.ments[m].a, d.ments[m].b}
			}
		}
		// `chanted "A" and "B"`, `telling them, "A," and, "B"`: one
		// content in several quotations
		e := k + 1
		for {
			f := e
			for f < te && f < e+3 && (d.isPunct(f, ',') || d.isWord(f, "and") || d.isWord(f, "or")) {
				f++
			}
			if f == e || f >= te || d.toks[f].kind != tQuote {
				break
			}
			e = f + 1
		}
		d.emitQuotes(ui, k, e, &at, false)
		found = true
		k = e - 1
	}
	return found
}

// introVerb returns the verb introducing a quotation after the comma or
// colon following token j: j itself, or a cue up to six words before it
// (`wrote to his Twitter followers,`, `issued a statement,`), or -1. A
// "that" between them opens a reported clause the quotation belongs to
// (`said that in her town, "..."`): no verb is looked for past it.
func (d *doc) introVerb(j, ts int) int {
	if d.verbish(j) {
		if d.toks[j].flags&(fCue|fTrailingCue) == 0 && !inSet(exprVerbs, d.word(j)) && d.cueBefore(ts, j) && !(isPastVerb(d.word(j)) && d.isPunct(j+1, ':')) {
			// `warned that if the measures were not deployed, "..."`:
			// a verb only by its ending, inside the content of a cue
			// (`said it best when he blogged: "..."` introduces)
			return -1
		}
		return j
	}
	for c := j - 1; c >= ts && c >= j-6 && d.toks[c].kind == tWord && !d.isWord(c, "that"); c-- {
		if d.toks[c].flags&(fCue|fTrailingCue) != 0 || inSet(exprVerbs, d.word(c)) || d.isWord(c, "issued") || d.isWord(c, "put") || d.isWord(c, "puts") {
			if d.cueBefore(ts, c) {
				// `said he rarely asks friends to help, "..."`: the
				// quotation ends the content of the cue before
				return -1
			}
			return c
		}
	}
	return -1
}

// cueBefore reports whether a verb of saying stands in [a, b) with no
// comma, colon or quotation between it and b: b then belongs to that
// verb's content.
func (d *doc) cueBefore(a, b int) bool {
	for i := b - 1; i >= a; i-- {
		if d.toks[i].kind == tQuote || d.isPunctAny(i, ",:;") {
			return false
		}
		if d.toks[i].flags&fCue != 0 {
			return true
		}
	}
	return false
}

// adjacentVerb returns the verb governing the quotation k with no
// punctuation between them, or -1: an expression verb right before it,
// when the quotation is a phrase of several words that is not the title
// of a work.
// Verbs of calling (`called his actions "a crucial step"`) are left to
// the mixed contents: PolNeAR's content there takes in the object too.
func (d *doc) adjacentVerb(k, te int) int {
	v := k - 1
	if !d.verbish(v) || !inSet(exprVerbs, d.word(v)) && d.toks[v].flags&fCue == 0 {
		return -1
	}
	if d.toks[v].flags&fCue != 0 && d.contentEnd(k+1, te) > k+1 {
		// `said "A" every time`: the cue's own content, mixed
		return -1
	}
	q := d.quotes[d.toks[k].q]
	inner := strings.TrimSpace(d.text[q.inner:q.innerEnd])
	if !strings.Contains(inner, " ") || d.isTitleCase(inner) {
		return -1
	}
	return v
}

// isTitleCase reports whether s is a short phrase with every significant
// word capitalised and no sentence end: the title of a work.
func (d *doc) isTitleCase(s string) bool {
	s = strings.TrimRight(strings.TrimSpace(s), ".,")
	if s == "" || strings.ContainsAny(s, ".!?,;") {
		return false
	}
	n := 0
	for w := range strings.FieldsSeq(s) {
		if inSet(titleSmallWords, w) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
		n++
	}
	return n > 0 && n <= 8
}

// titleSmallWords stay lower case inside a title.
var titleSmallWords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "and": true, "or": true, "in": true, "on": true, "at": true,
	"to": true, "for": true, "with": true, "by": true, "from": true, "is": true, "vs": true, "vs.": true, "&": true,
}

// runOnTail reports whether [a, te) after a quotation is a short phrase
// the writer ran the quotation on with (`said, "A" until the vote`): it
// opens with a word that starts no new clause and holds no comma, quote
// or verb of saying.
func (d *doc) runOnTail(a, te int) bool {
	e := d.contentEnd(a, te)
	if a >= e || d.toks[a].kind != tWord || inSet(tailStops, d.word(a)) {
		return false
	}
	for i := a; i < e; i++ {
		t := d.toks[i]
		if t.kind == tQuote || t.kind == tPunct && d.isPunctAny(i, ",;:-–—(") || t.flags&(fCue|fTrailingCue) != 0 {
			return false
		}
	}
	return true
}

// tailStops open a new clause after a quotation, not a run-on.
var tailStops = map[string]bool{
	"and": true, "but": true, "when": true, "while": true, "as": true, "referring": true, "he": true,
	"she": true, "they": true, "it": true, "the": true, "on": true,
}
