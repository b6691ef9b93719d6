package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Naming the speaker of a source phrase: a name in it, a pronoun's
// antecedent, or the person named before in the role it gives.

// resolveSource names the speaker of the source [src) and its role.
func (d *doc) resolveSource(ui int, at *att) (speaker, role string) {
	sa, sb := at.src[0], at.src[1]
	role = at.role
	if clauseRole(role) {
		role = "" // the person's role, if any, comes from elsewhere
	}
	if sb == sa+1 {
		if g, ok := lookup(subjectPronouns, d.word(sa)); ok {
			if g == 'w' || g == 'i' || g == 'y' {
				return "", role
			}
			m, sure := d.resolvePronoun(g, sa, ui)
			if m < 0 {
				return "", role
			}
			c := d.ments[m].canon
			if sure {
				// (a guess teaches nothing: the next "he" looks again)
				if (g == 'm' || g == 'f') && d.genderOf(c) == 0 {
					d.ments[c].learnt = g
				}
				d.spoken[ui] = int32(c)
			}
			if role == "" {
				role = d.ments[c].role
			}
			return d.ments[c].name, role
		}
	}
	// the last name in the source phrase; but when that names no person
	// and a person's name comes before it, titled or set in a body or place
	// by what follows, the person: the subject's head, what follows only
	// places it (`Paul Goosens, head of Preventon`,
	// `Hannah Ward of the Refugee Council`, `Dr Gibbons, who was a GP in
	// the Upper Afan Valley`)
	best := -1
	// (a name whose run starts before the source counts: `with Tanzania
	// Mr Brown said`, where the source is Mr Brown)
	for k := d.mentionAt(sb - 1); k >= 0 && k < len(d.ments) && d.ments[k].nameA >= sa; k-- {
		m := &d.ments[k]
		if m.a < sa && m.kind != kindPerson {
			break // (not `War on Want` for the source "Want")
		}
		switch {
		case m.b > sb:
		case best < 0:
			best = k
		case m.kind == kindPerson && !m.possessed && (m.titled || d.placedAfter(m.b)):
			best = k
		}
		if best >= 0 && d.ments[best].kind == kindPerson {
			break
		}
	}
	if best >= 0 {
		m := &d.ments[best]
		k := m.nameA - 1 // back over the place's other words: `for Sittingbourne and Sheppey`
		for k > sa && d.toks[k].kind == tWord && (isCapitalised(d.word(k)) || d.isWord(k, "and") || d.isWord(k, "the")) {
			k--
		}
		if d.ments[m.canon].kind == kindUnknown && k > sa && (d.isWord(k, "for") || d.isWord(k, "of")) &&
			!inSet(speakersFor, d.word(k-1)) && hasRoleNoun(d, sa, k) {
			// `the mayor of London`: the place the role is of; the
			// speaker is whoever holds it (a body stays: what `the
			// chairman of the Police Federation` or `a spokesman for the
			// Home Office` says is the body's)
			best = -1
		}
	}
	if best < 0 {
		if m := d.holderOfRole(sa, sb); m >= 0 {
			// `Home Secretary Charles Clarke said ... The home secretary
			// said ...`: the person named before in that role
			c := d.ments[m].canon
			d.ments[c].spoke = true
			d.spoken[ui] = int32(c)
			if role == "" {
				role = d.ments[c].role
			}
			return d.ments[c].name, role
		}
		if hasRoleNoun(d, sa, sb) && role == "" {
			role = d.spanText(sa, sb)
		}
		return "", role
	}
	m := &d.ments[best]
	c := m.canon
	if m.words == 1 && m.nameA == m.a && inSet(groupNouns, m.name) {
		// `Analysts said`: a group, nobody by name; it is who spoke
		if role == "" {
			role = m.name
		}
		return "", role
	}
	d.ments[c].spoke = true
	m.source = true
	if role == "" && m.nameA > sa && m.kind == kindPerson && !m.runIn {
		// the words before the name in the source phrase
		ra := sa
		for ra < m.nameA && inSet(npGlue, d.word(ra)) {
			ra++
		}
		if ra < m.nameA && !d.placeBeforeName(sa, m.nameA) && d.namesWhat(ra, m.nameA) {
			// (`in poorer countries Gordon Brown will say`: where, not
			// a role)
			role = d.roleText(ra, m.nameA)
		}
		if role == "" {
			role = d.speaksFor(sa, m.a)
		}
	}
	if role == "" && m.a >= sa {
		role = m.role
	}
	if role == "" && (c != best || m.a >= sa) {
		role = d.ments[c].role
	}
	if d.ments[c].titleOnly() {
		// `the President` with no named President in the article
		if role == "" {
			role = d.ments[c].name
		}
		return "", role
	}
	d.spoken[ui] = int32(c)
	return d.ments[c].name, role
}

// placedAfter reports whether the words at token i set the name before them
// in a body or place: a comma (an apposition) or "of", "from", "at".
func (d *doc) placedAfter(i int) bool {
	if i >= len(d.toks) {
		return false
	}
	return d.isPunctAny(i, ",") || d.isWord(i, "of") || d.isWord(i, "from") || d.isWord(i, "at")
}

// groupNouns are plural nouns for people that open a sentence capitalised
// (`Analysts said`, `Officials told`): a group, not a speaker's name.
var groupNouns = map[string]bool{
	"analysts": true, "officials": true, "experts": true, "economists": true, "critics": true, "observers": true,
	"investors": true, "residents": true, "doctors": true, "scientists": true, "researchers": true,
	"campaigners": true, "activists": true, "lawyers": true, "ministers": true, "diplomats": true, "lawmakers": true,
	"insiders": true, "sources": true, "witnesses": true, "protesters": true, "supporters": true, "fans": true,
	"voters": true, "workers": true, "teachers": true, "traders": true, "dealers": true, "bankers": true,
	"executives": true, "shareholders": true, "councillors": true, "officers": true, "organisers": true,
	"organizers": true, "rebels": true, "militants": true, "prosecutors": true, "investigators": true,
	"authorities": true, "commentators": true, "pundits": true, "environmentalists": true, "opponents": true,
	"parents": true, "patients": true, "consumers": true, "users": true, "players": true, "staff": true,
	"mps": true, "meps": true, "msps": true, "peers": true, "others": true, "some": true,
}

// speaksFor is the role of a source that speaks for the person named at
// token n (`a spokesman for Mr Blair`: "via a spokesman"), or "": the words
// are the spokesman's, listed under the person they speak for.
func (d *doc) speaksFor(sa, n int) string {
	f := n - 1
	if f-1 < sa || !d.isWord(f, "for") || !inSet(speakersFor, d.word(f-1)) {
		return ""
	}
	text := d.spanText(sa, f)
	r, size := utf8.DecodeRuneInString(text) // (not text[:1]: a letter may take more bytes)
	return "via " + string(unicode.ToLower(r)) + text[size:]
}

// speakersFor speak for someone else (`a lawyer for Mr Smith`).
var speakersFor = map[string]bool{
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "aide": true, "adviser": true, "advisor": true,
	"lawyer": true, "attorney": true, "solicitor": true, "barrister": true, "publicist": true, "agent": true,
	"representative": true,
}

// roleModifiers make another office of the role after them.
var roleModifiers = map[string]bool{
	"deputy": true, "shadow": true, "vice": true, "former": true, "acting": true, "assistant": true,
	"junior": true, "associate": true, "interim": true, "ex": true, "co": true, "under": true, "sub": true,
}

// holderOfRole returns the person named before token sa whose role is the
// source [sa, sb), a definite role (`the home secretary` after `Home
// Secretary Charles Clarke`, `the coach` after `Rovers coach Marc Keller`),
// or -1. It looks back over the nearest mentions only.
func (d *doc) holderOfRole(sa, sb int) int {
	if sb-sa < 2 || !d.isWord(sa, "the") || !hasRoleNoun(d, sa+1, sb) {
		return -1
	}
	key := strings.ToLower(d.spanText(sa+1, sb))
	// exact: the role is the key; else the role ends in it (`London Mayor
	// Ken Livingstone` is the mayor), but `Deputy Prime Minister John
	// Prescott` is not the prime minister
	holds := func(role string, exact bool) bool {
		r := strings.TrimPrefix(strings.ToLower(role), "the ")
		if r == key || exact {
			return r == key
		}
		before, ok := strings.CutSuffix(r, " "+key)
		if !ok {
			return false
		}
		i := strings.LastIndexByte(before, ' ')
		return !roleModifiers[before[i+1:]]
	}
	// the nearest that holds the role exactly, else the nearest whose role
	// ends in it (`World Bank President Jim Yong Kim` is not "the
	// president" of an article that names President Obama too)
	for _, exact := range []bool{true, false} {
		seen := 0
		for k := len(d.ments) - 1; k >= 0 && seen < 200; k-- {
			m := &d.ments[k]
			if m.a >= sa {
				continue
			}
			seen++
			c := &d.ments[m.canon]
			if c.kind == kindPerson && (holds(m.role, exact) || holds(c.role, exact)) {
				return k
			}
		}
	}
	return -1
}
