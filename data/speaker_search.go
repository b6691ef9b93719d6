package data

import (
	"context"
	"fmt"
	"math/bits"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// SpeakerMatch is one speaker found by SearchSpeakers.
type SpeakerMatch struct {
	Speaker
	Score int
}

// speakerIndex is the in-memory view of the speakers used for search as
// you type: a few bytes per speaker, loaded once per speakers generation.
type speakerIndex struct {
	generation int64
	entries    []speakerEntry
}

type speakerEntry struct {
	id       int64
	name     string
	quotes   int
	articles int
	tokens   []string // folded tokens of the name and every alias
	letters  []uint64 // letterSet of each token
	folded   []string // each folded name
}

// SearchSpeakers finds the speakers whose names match query, forgiving case,
// accents, titles, partial names ("jeffrey") and small typos ("Feltmann"),
// closest first (see scoreSpeaker), then most quoted. Its cost grows with
// the number of distinct speakers, not quotes or articles.
func (s *Store) SearchSpeakers(ctx context.Context, query string, limit int) ([]SpeakerMatch, error) {
	idx, err := s.loadSpeakerIndex(ctx)
	if err != nil {
		return nil, err
	}
	return idx.search(query, limit), nil
}

// search is SearchSpeakers over the index in memory.
func (idx *speakerIndex) search(query string, limit int) []SpeakerMatch {
	q := newSpeakerQuery(query)
	var matches []SpeakerMatch
	for i := range idx.entries {
		e := &idx.entries[i]
		score := scoreSpeaker(e, q)
		if score <= 0 {
			continue
		}
		matches = append(matches, SpeakerMatch{
			Speaker: Speaker{ID: e.id, Name: e.name, Quotes: e.quotes, Articles: e.articles},
			Score:   score,
		})
	}
	sort.Slice(matches, func(i, j int) bool {
		a, b := matches[i], matches[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		if a.Quotes != b.Quotes {
			return a.Quotes > b.Quotes
		}
		return a.Name < b.Name
	})
	if limit > 0 && len(matches) > limit {
		matches = matches[:limit]
	}
	return matches
}

func (s *Store) loadSpeakerIndex(ctx context.Context) (*speakerIndex, error) {
	var gen int64
	if err := s.db.QueryRowContext(ctx, "SELECT value FROM counters WHERE name = 'speakers_generation'").Scan(&gen); err != nil {
		return nil, fmt.Errorf("read speakers: %w", err)
	}
	s.speakerMu.Lock()
	defer s.speakerMu.Unlock()
	if s.speakerIndex != nil && s.speakerIndex.generation == gen {
		return s.speakerIndex, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT s.id, s.name, s.quotes, s.articles, sn.name
		FROM speakers s JOIN speaker_names sn ON sn.speaker_id = s.id ORDER BY s.id`)
	if err != nil {
		return nil, fmt.Errorf("read speakers: %w", err)
	}
	defer rows.Close()
	idx := &speakerIndex{generation: gen}
	for rows.Next() {
		var e speakerEntry
		var alias string
		if err := rows.Scan(&e.id, &e.name, &e.quotes, &e.articles, &alias); err != nil {
			return nil, err
		}
		n := len(idx.entries)
		if n == 0 || idx.entries[n-1].id != e.id {
			f := FoldName(e.name)
			e.folded = []string{f}
			e.tokens = strings.Fields(f)
			idx.entries = append(idx.entries, e)
			n++
		}
		last := &idx.entries[n-1]
		if f := FoldName(alias); f != last.folded[0] {
			last.folded = append(last.folded, f)
			for _, t := range strings.Fields(f) {
				if !contains(last.tokens, t) {
					last.tokens = append(last.tokens, t)
				}
			}
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range idx.entries {
		e := &idx.entries[i]
		for _, t := range e.tokens {
			e.letters = append(e.letters, letterSet(t))
		}
	}
	s.speakerIndex = idx
	return idx, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// speakerQuery is a query folded once for the scan of every speaker.
type speakerQuery struct {
	tokens  []string
	letters []uint64 // letterSet of each token
	whole   string   // the tokens joined, as a folded name
}

func newSpeakerQuery(query string) speakerQuery {
	q := speakerQuery{tokens: strings.Fields(FoldName(query))}
	for _, t := range q.tokens {
		q.letters = append(q.letters, letterSet(t))
	}
	q.whole = strings.Join(q.tokens, " ")
	return q
}

// scoreSpeaker scores how well the query tokens name the speaker: every query
// token must match one of its tokens exactly, as a prefix, inside it, or
// within a small typo. 0 means no match. A query of two words or more that
// is one of the speaker's names gets a bonus ("cherie blair" is Cherie
// Blair); one word does not: "blair" is a surname of many speakers, and
// the most quoted of those it names best comes first (Tony Blair, not a
// speaker called Blair alone whom the merge could not place).
func scoreSpeaker(e *speakerEntry, q speakerQuery) int {
	if len(q.tokens) == 0 {
		return 0
	}
	total := 0
	for i, qt := range q.tokens {
		best := 0
		for j, t := range e.tokens {
			if sc := scoreToken(qt, q.letters[i], t, e.letters[j]); sc > best {
				best = sc
			}
		}
		if best == 0 {
			return 0
		}
		total += best
	}
	if len(q.tokens) < 2 {
		return total
	}
	for _, f := range e.folded {
		if f == q.whole {
			total += 10
			break
		}
	}
	return total
}

// scoreToken scores query token q against a speaker's token t, given the
// letterSet of each.
func scoreToken(q string, qLetters uint64, t string, tLetters uint64) int {
	switch {
	case q == t:
		return 8
	case strings.HasPrefix(t, q):
		return 5
	case len(q) >= 3 && strings.Contains(t, q):
		return 3
	}
	allowed := 0
	switch {
	case len(q) >= 8:
		allowed = 2
	case len(q) >= 4:
		allowed = 1
	}
	// Lengths or letters too far apart for the typos allowed rule out
	// most tokens before editDistance is worked out.
	if allowed > 0 && abs(len(q)-len(t)) <= allowed && lettersApart(qLetters, tLetters) <= allowed &&
		editDistance(q, t, allowed) <= allowed {
		return 2
	}
	return 0
}

// letterSet is the set of the letters of s, each rune a bit (its low six
// bits: letters that share one are counted as one, which only makes
// lettersApart smaller).
func letterSet(s string) uint64 {
	var set uint64
	for _, r := range s {
		set |= 1 << (uint(r) & 63)
	}
	return set
}

// lettersApart is a lower bound of the edit distance between two strings
// with these letterSets: each letter of one that the other lacks takes an
// edit of its own (a substitution, insertion or deletion; a transposition
// brings no letter in), one letter on each side at most.
func lettersApart(a, b uint64) int {
	return max(bits.OnesCount64(a&^b), bits.OnesCount64(b&^a))
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// editDistance is the optimal-string-alignment distance between a and b,
// giving up (returning max+1) once it must exceed max.
func editDistance(a, b string, max int) int {
	ra, rb := []rune(a), []rune(b)
	// Rows on the stack for names of usual length: the scan of every
	// speaker calls this for every token of the right length.
	var rows [3][40]int
	var prev2, prev, cur []int
	if n := len(rb) + 1; n <= len(rows[0]) {
		prev2, prev, cur = rows[0][:n], rows[1][:n], rows[2][:n]
	} else {
		prev2, prev, cur = make([]int, n), make([]int, n), make([]int, n)
	}
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d = min(d, prev2[j-2]+1)
			}
			cur[j] = d
			rowMin = min(rowMin, d)
		}
		if rowMin > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// nameTitles are words dropped when matching names.
var nameTitles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "prof": true, "professor": true,
	"sir": true, "dame": true, "lord": true, "lady": true, "president": true, "sen": true,
	"senator": true, "rep": true, "gov": true, "governor": true, "rev": true, "the": true,
}

// FoldName normalises a name for matching: lower case, accents and
// punctuation removed, titles dropped (unless the name is nothing but
// titles: a speaker called "the President" is found by "president"),
// spaces collapsed.
func FoldName(name string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	folded, _, err := transform.String(t, name)
	if err != nil {
		folded = name
	}
	folded = strings.ToLower(folded)
	words := strings.FieldsFunc(folded, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
	var out, all []string
	for _, w := range words {
		w = strings.Trim(w, "'")
		if w == "" {
			continue
		}
		all = append(all, w)
		if !nameTitles[w] {
			out = append(out, w)
		}
	}
	if len(out) == 0 {
		out = all
	}
	return strings.Join(out, " ")
}
