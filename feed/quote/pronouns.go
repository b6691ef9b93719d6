package quote

import (
	"sort"
	"strings"
)

// Resolving he, she, it and they to the mention they stand for.

// resolvePronoun finds the mention a subject pronoun at token p of unit u
// refers to, looking back unit by unit over a few: in the nearest unit with
// a compatible person or organisation, the one that spoke there (named, or
// itself "he" of someone before), else its subject (the first name): in `On
// the re-election of George Bush, Mr Kennedy said ...` a following "he
// said" is Mr Kennedy. Two kinds of mention are taken only when no unit
// in reach has a better one, and then with sure false: a capitalised run
// that nothing shows to be a person (no title, role, gender, cue or other
// form of it) and whose words the article also writes in lower case (`his
// New Year message`), and an untitled one where a place goes (`at
// Belmarsh Prison`).
func (d *doc) resolvePronoun(kind byte, p, u int) (k int, sure bool) {
	wantOrg := kind == 'n' || kind == 'p'
	compatible := func(c int) bool {
		m := &d.ments[c]
		if wantOrg {
			return m.kind == kindOrg || kind == 'n' && m.kind == kindUnknown
		}
		g := d.genderOf(c)
		return (m.kind == kindPerson || m.kind == kindUnknown && m.spoke) && (g == 0 || g == kind)
	}
	first := d.mentionAt(p)
	if first < 0 {
		// the first mention after p (mentions are in text order)
		first = sort.Search(len(d.ments), func(k int) bool { return d.ments[k].a >= p })
	}
	fallback := -1
	k = first - 1
	for un := u; un >= 0 && un >= u-8; un-- {
		best, shown, spoke := -1, -1, -1
		for ; k >= 0 && d.ments[k].unit >= un; k-- {
			m := &d.ments[k]
			c := m.canon
			if !compatible(c) {
				continue
			}
			if !m.possessed || best < 0 {
				// keep looking left in the unit: the leftmost is the subject
				best = k
				if !d.thingLike(c) && !d.atPlace(k) {
					shown = k
				}
			}
			if m.source && spoke < 0 && (wantOrg || d.ments[c].kind == kindPerson) {
				spoke = k
			}
		}
		if spoke >= 0 {
			return spoke, true
		}
		if un < u {
			if c := d.spoken[un]; c >= 0 && compatible(int(c)) && (wantOrg || d.ments[c].kind == kindPerson) {
				return int(c), true
			}
		}
		if shown >= 0 {
			return shown, true
		}
		if fallback < 0 {
			fallback = best
		}
	}
	return fallback, false
}

// thingLike reports whether the canonical mention c may well name no person
// or body, though capitalised: nothing else shows it to be one (evidenced)
// and the article writes a word of it in lower case ("new", "prison").
// (Looked up once per mention, for the few a pronoun looks at.)
func (d *doc) thingLike(c int) bool {
	m := &d.ments[c]
	if m.thing == 0 {
		m.thing = -1
		if !d.evidenced(c) {
			words := strings.Fields(m.name)
			for i, w := range words {
				if i == 0 && len(words) > 1 && inSet(wordNames, w) {
					continue // `Bill Hunt` though "the bill was debated"
				}
				if lw := strings.ToLower(w); lw != w && d.hasLowerWord(w) {
					m.thing = 1
					break
				}
			}
		}
	}
	return m.thing > 0
}

// atPlace reports whether mention k, untitled, comes right after a word
// that puts a place after it: `a march in New York`, `at Belmarsh Prison`.
func (d *doc) atPlace(k int) bool {
	m := &d.ments[k]
	if m.titled || m.a == 0 || d.toks[m.a-1].kind != tWord {
		return false
	}
	switch d.word(m.a - 1) {
	case "in", "at", "near", "outside", "inside", "across", "around", "throughout":
		return true
	}
	return false
}

// evidenced reports whether more than capitals show the canonical mention c
// to be what a pronoun may stand for: a title, a role, a gender, a cue it is
// the source of, another form of it ("Mr Kennedy" of "Charles Kennedy"), or
// for an organisation, a word that makes it one.
func (d *doc) evidenced(c int) bool {
	m := &d.ments[c]
	return m.kind == kindOrg || m.titled || m.role != "" || m.gender != 0 || m.learnt != 0 || m.spoke || m.linked
}

func (d *doc) genderOf(canon int) byte {
	if g := d.ments[canon].learnt; g != 0 {
		return g
	}
	return d.ments[canon].gender
}
