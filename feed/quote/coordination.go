package quote

import "strings"

// Coordinated reports: a second verb of saying joined to the cue's
// content, with a subject of its own (`X said A, while Y said B`) or the
// same one (`X said A but added, "B"`).

// coordinatedReports join a second clause to reported speech: `X said A,
// while Y said B`.
var coordinatedReports = map[string]bool{"while": true, "whereas": true, "but": true, "and": true}

// coordinatedReport returns the comma in the content [st, en) that ends it
// before a clause with a speaker and a verb of saying of its own (`, while
// Susan Collins suggested ...`, `, but he added ...`), or -1. The clause
// must report enough to be attributed itself (as tryCue asks: three words
// or a quotation after a cue that is not weak), or nothing would be.
func (d *doc) coordinatedReport(st, en int) int {
	for k := st + 1; k+3 < en; k++ {
		if !d.isPunct(k, ',') || d.toks[k+1].kind != tWord || !inSet(coordinatedReports, d.word(k+1)) {
			continue
		}
		for c := k + 3; c < en && c <= k+10; c++ {
			if d.toks[c].kind != tWord {
				break
			}
			if ce := d.cueAt(c, en); ce > c {
				if a, _, _, ok := d.npBefore(c, k+2); ok && a == k+2 && !weakCues[strings.ToLower(d.word(c))] {
					st2 := d.afterCue(c, ce, en)
					if en2 := d.contentEnd(st2, en); d.reportsEnough(st2, en2) {
						return k
					}
				}
				break
			}
		}
	}
	return -1
}

// sharedCue returns the "and" or "but" in the content [st, en) that joins
// a second verb of saying to the cue cw, with the same subject (`said A
// but added, "B"`, `said A and insisted that B`), and that verb; or -1, -1.
// Only a finite cue (said, told) shares its subject so: for another the
// content is not scanned.
// The verb must be finite (`and say` after "to" has a subject of its
// own), no relative or subordinate clause may open before it (`said
// those who called and complained were angry`) nor a comma stand there
// but the conjunction's own, and it must report enough to be attributed,
// as tryCue asks.
func (d *doc) sharedCue(cw string, st, en int) (int, int) {
	if !finiteSaying(cw) {
		return -1, -1
	}
	for k := st + 1; k+2 < en; k++ {
		if d.isPunctAny(k, ",;:") && !d.isWord(k+1, "and") && !d.isWord(k+1, "but") {
			return -1, -1 // `looked up, frowned and said`: not the cue's
		}
		if d.toks[k].kind != tWord {
			continue
		}
		if inSet(embedWords, d.word(k)) {
			return -1, -1
		}
		if !d.isWord(k, "and") && !d.isWord(k, "but") {
			continue
		}
		c := k + 1
		for c < en && c <= k+2 && d.toks[c].kind == tWord && inSet(auxWords, d.word(c)) {
			c++
		}
		ce := d.cueAt(c, en)
		if ce != c+1 || !finiteSaying(d.word(c)) || weakCues[strings.ToLower(d.word(c))] {
			continue
		}
		st2 := d.afterCue(c, ce, en)
		if st2 < en && d.toks[st2].kind == tWord && inSet(tailWords, d.word(st2)) && !d.isWord(st2-1, "that") {
			continue // `and wrote in Ron Paul`, `and said on Friday`
		}
		if en2 := d.contentEnd(st2, en); d.reportsEnough(st2, en2) {
			return k, c
		}
	}
	return -1, -1
}

// embedWords open a relative or subordinate clause, whose verbs have a
// subject of their own (`realised he had smiled when he sported a
// moustache and asked: "..."`).
var embedWords = map[string]bool{
	"who": true, "whom": true, "whose": true, "which": true, "when": true, "while": true, "because": true,
	"if": true, "after": true, "before": true, "since": true, "until": true, "although": true, "though": true,
	"where": true, "whenever": true, "unless": true,
}

// finiteSaying reports whether the verb of saying w is in a finite form
// (said, told, adds, warned), not a base form or a participle in -ing.
func finiteSaying(w string) bool {
	w = strings.ToLower(w)
	switch w {
	case "said", "says", "told", "tells", "wrote", "writes":
		return true
	}
	return strings.HasSuffix(w, "ed") || len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss")
}

// coordinationReach is the most tokens looked back from a coordinated
// verb for the one it shares a subject with.
const coordinationReach = 40

// coordinatedWith returns the verb of saying that the cue c shares its
// subject with (`Lee said A and added, "B"`: said), or -1: c follows an
// "and" or a "but" with no subject of its own, after that verb in the
// unit ui, with no comma, semicolon or colon between them.
func (d *doc) coordinatedWith(ui, c int) int {
	j := c - 1
	ts := d.units[ui].ts
	for j > ts && d.toks[j].kind == tWord && inSet(auxWords, d.word(j)) {
		j--
	}
	if j <= ts || !d.isWord(j, "and") && !d.isWord(j, "but") || !finiteSaying(d.word(c)) {
		return -1
	}
	for i := j - 1; i >= ts && i >= j-coordinationReach; i-- {
		if d.toks[i].kind == tWord && inSet(embedWords, d.word(i)) || i < j-1 && d.isPunctAny(i, ",;:") {
			return -1
		}
		if d.toks[i].flags&fCue != 0 && d.cueAt(i, c) == i+1 && finiteSaying(d.word(i)) {
			return i
		}
	}
	return -1
}
