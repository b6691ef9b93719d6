package data

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
)

// An article's quotes are stored together, packed in one value of the
// article_quotes table (schema version 9 on): one row per article instead
// of one per quote, so an import writes a sixth of the rows it did. A
// speaker's quotes are found through speaker_articles, one row per speaker
// name and article.
//
// The pack is a format byte, the number of quotes, then each quote in text
// order: its text, content span, kind, cue and its span, source and its
// span, speaker and role. Strings are a length and their bytes, numbers
// varints (a missing span is -1, -1).

const packFormat = 1

// packQuotes appends the packed quotes to b.
func packQuotes(b []byte, qs []Quote) []byte {
	// Room for the strings and about 32 bytes of numbers a quote (6 span
	// ends and 5 lengths of a few bytes each, and the kind), made once.
	n := 1 + binary.MaxVarintLen64
	for i := range qs {
		q := &qs[i]
		n += len(q.Text) + len(q.Cue) + len(q.Source) + len(q.Speaker) + len(q.Role) + 32
	}
	b = slices.Grow(b, n)
	b = append(b, packFormat)
	b = binary.AppendUvarint(b, uint64(len(qs)))
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	span := func(s Span) {
		b = binary.AppendVarint(b, int64(s.Start))
		b = binary.AppendVarint(b, int64(s.End))
	}
	for i := range qs {
		q := &qs[i]
		str(q.Text)
		span(q.Content)
		b = append(b, kindCode(q.Kind))
		str(q.Cue)
		span(q.CueSpan)
		str(q.Source)
		span(q.SourceSpan)
		str(q.Speaker)
		str(q.Role)
	}
	return b
}

// kindCode is a kind's byte in a pack; kinds holds them back.
func kindCode(k QuoteKind) byte {
	switch k {
	case Mixed:
		return 1
	case Indirect:
		return 2
	}
	return 0
}

var kinds = [...]QuoteKind{Direct, Mixed, Indirect}

var errBadPack = errors.New("damaged quotes")

// unpackQuotes reads a pack. A damaged pack is an error, never a panic or
// a huge allocation: each quote takes at least 11 bytes, so the count is
// checked against the length first.
func unpackQuotes(p []byte) ([]Quote, error) {
	if len(p) == 0 {
		return nil, nil
	}
	if p[0] != packFormat {
		return nil, fmt.Errorf("%w: format %d", errBadPack, p[0])
	}
	r := packReader{b: p[1:]}
	n := r.uvarint()
	if r.err != nil || n > uint64(len(r.b))/11 {
		return nil, errBadPack
	}
	qs := make([]Quote, n)
	for i := range qs {
		q := &qs[i]
		q.Text = r.str()
		q.Content = r.span()
		if k := r.byte(); int(k) < len(kinds) {
			q.Kind = kinds[k]
		} else {
			r.fail()
		}
		q.Cue = r.str()
		q.CueSpan = r.span()
		q.Source = r.str()
		q.SourceSpan = r.span()
		q.Speaker = r.str()
		q.Role = r.str()
		if r.err != nil {
			return nil, r.err
		}
	}
	if len(r.b) != 0 {
		return nil, errBadPack
	}
	return qs, nil
}

// packReader reads a pack front to back; the first problem sticks in err.
type packReader struct {
	b   []byte
	err error
}

func (r *packReader) fail() {
	r.err = errBadPack
	r.b = nil
}

func (r *packReader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *packReader) varint() int {
	v, n := binary.Varint(r.b)
	if n <= 0 || v != int64(int(v)) {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return int(v)
}

func (r *packReader) byte() byte {
	if len(r.b) == 0 {
		r.fail()
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

func (r *packReader) str() string {
	n := r.uvarint()
	if n > uint64(len(r.b)) {
		r.fail()
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

func (r *packReader) span() Span {
	start := r.varint()
	return Span{start, r.varint()}
}

// packOldQuotes is migration 9's work: each article's rows of the quotes
// table become its pack, in text order, and its speaker rows; then the
// table goes with its triggers. A quote outside its article's run of ids
// or naming another article (never written by Insert; Verify looked for
// them) is left out, and the counts are taken again from what was packed,
// so the store comes out consistent whatever it went in as.
func packOldQuotes(ctx context.Context, tx *sql.Tx) error {
	// The speaker rows of the quotes about to be packed, before any count
	// is taken again.
	if _, err := tx.ExecContext(ctx, `INSERT INTO speaker_articles(name, sort_time, article_id, quotes)
		SELECT q.speaker, a.sort_time, a.id, count(*) FROM articles a
		JOIN quotes q ON q.id BETWEEN a.first_quote AND a.first_quote + a.quote_count - 1 AND q.article_id = a.id
		WHERE a.quote_count > 0 AND q.speaker != '' GROUP BY q.speaker, a.id`); err != nil {
		return err
	}
	// Down the articles and each one's run in id order: no sort of every
	// quote.
	rows, err := tx.QueryContext(ctx, `SELECT a.id, a.quote_count, q.id, q.text, q.content_start, q.content_end, q.kind,
		q.cue, q.cue_start, q.cue_end, q.source, q.source_start, q.source_end, q.speaker, q.role
		FROM articles a JOIN quotes q ON q.id BETWEEN a.first_quote AND a.first_quote + a.quote_count - 1
			AND q.article_id = a.id
		WHERE a.quote_count > 0 ORDER BY a.id, q.id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	insert, err := tx.PrepareContext(ctx, "INSERT INTO article_quotes(article_id, quotes) VALUES (?, ?)")
	if err != nil {
		return err
	}
	defer insert.Close()
	recount, err := tx.PrepareContext(ctx, "UPDATE articles SET quote_count = ? WHERE id = ?")
	if err != nil {
		return err
	}
	defer recount.Close()
	type idQuote struct {
		id int64
		Quote
	}
	var article, counted int64
	var run []idQuote
	qs := []Quote{}
	flush := func() error {
		if len(run) == 0 {
			return nil
		}
		// Text order: Insert numbered an article's quotes from the last,
		// and before that from the first, so the ids cannot tell it.
		slices.SortFunc(run, func(a, b idQuote) int {
			return cmp.Or(cmp.Compare(a.Content.Start, b.Content.Start), cmp.Compare(b.id, a.id))
		})
		qs = qs[:0]
		for _, q := range run {
			qs = append(qs, q.Quote)
		}
		if _, err := insert.ExecContext(ctx, article, packQuotes(nil, qs)); err != nil {
			return err
		}
		if int64(len(run)) != counted {
			if _, err := recount.ExecContext(ctx, int64(len(run)), article); err != nil {
				return err
			}
		}
		run = run[:0]
		return nil
	}
	for rows.Next() {
		var a, n int64
		var q idQuote
		var kind string
		if err := rows.Scan(&a, &n, &q.id, &q.Text, &q.Content.Start, &q.Content.End, &kind, &q.Cue, &q.CueSpan.Start,
			&q.CueSpan.End, &q.Source, &q.SourceSpan.Start, &q.SourceSpan.End, &q.Speaker, &q.Role); err != nil {
			return err
		}
		q.Kind = QuoteKind(kind)
		if a != article {
			if err := flush(); err != nil {
				return err
			}
			article, counted = a, n
		}
		run = append(run, q)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if err := flush(); err != nil {
		return err
	}
	rows.Close()
	for _, q := range []string{
		// articles whose quotes were all left out
		`UPDATE articles SET quote_count = 0, first_quote = 0
			WHERE quote_count > 0 AND id NOT IN (SELECT article_id FROM article_quotes)`,
		// the speaker counts, from the quotes packed
		"DELETE FROM speaker_stats",
		`INSERT INTO speaker_stats(name, quotes, articles)
			SELECT name, sum(quotes), count(*) FROM speaker_articles GROUP BY name`,
		"UPDATE counters SET value = (SELECT coalesce(sum(quote_count), 0) FROM articles) WHERE name = 'quotes'",
		"UPDATE counters SET value = -1 WHERE name = 'quotes_at_refresh'", // speakers refreshed on the next import
		"DROP TABLE quotes",
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}

// verifyQuotes checks every article's packed quotes against its quote count
// and its speaker rows (Verify's share of the quotes).
func (s *Store) verifyQuotes(ctx context.Context) error {
	type key struct {
		article int64
		name    string
	}
	listed := map[key]int{}
	rows, err := s.db.QueryContext(ctx, "SELECT article_id, name, quotes FROM speaker_articles")
	if err != nil {
		return err
	}
	for rows.Next() {
		var k key
		var n int
		if err := rows.Scan(&k.article, &k.name, &n); err != nil {
			rows.Close()
			return err
		}
		listed[k] = n
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	counted, err := queryMap[int64, int](ctx, s.db, "SELECT id, quote_count FROM articles WHERE quote_count > 0")
	if err != nil {
		return err
	}
	var problems []string
	err = s.eachArticleQuotes(ctx, func(article int64, qs []Quote) {
		if len(qs) != counted[article] {
			problems = append(problems, fmt.Sprintf("article %d counts %d quotes and holds %d", article, counted[article], len(qs)))
		}
		spoken := map[string]int{}
		for _, q := range qs {
			if q.Speaker != "" {
				spoken[q.Speaker]++
			}
		}
		for name, n := range spoken {
			k := key{article, name}
			if listed[k] != n {
				problems = append(problems, fmt.Sprintf("article %d has %d quotes of %q and lists %d", article, n, name, listed[k]))
			}
			delete(listed, k)
		}
	})
	if err != nil {
		return err
	}
	for k := range listed {
		problems = append(problems, fmt.Sprintf("article %d lists quotes of %q it does not hold", k.article, k.name))
	}
	if len(problems) > 0 {
		slices.Sort(problems)
		return fmt.Errorf("%d problems with quotes, first: %s", len(problems), problems[0])
	}
	return nil
}
