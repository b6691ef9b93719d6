package data

import (
	"context"
	"fmt"
	"slices"
)

// Verify checks that every article was stored whole: its text, raw bytes and
// as many quotes as it counts. It reads the whole store: for tests and
// repair, not for the reader.
func (s *Store) Verify(ctx context.Context) error {
	checks := []struct{ what, query string }{
		{"articles without text", "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_text t WHERE t.rowid = a.id)"},
		{"texts without article", "SELECT count(*) FROM article_text t WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = t.rowid)"},
		{"articles without raw bytes", "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_raw r WHERE r.article_id = a.id)"},
		{"articles without their quotes, or quotes without their article", `SELECT
			(SELECT count(*) FROM articles a WHERE a.quote_count > 0 AND NOT EXISTS (SELECT 1 FROM article_quotes q WHERE q.article_id = a.id))
			+ (SELECT count(*) FROM article_quotes q WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = q.article_id AND a.quote_count > 0))`},
		{"articles whose runs of quote ids overlap, or reach the next id", `SELECT count(*) FROM
			(SELECT first_quote + quote_count AS past, lead(first_quote) OVER (ORDER BY id) AS next FROM articles WHERE quote_count > 0)
			WHERE past > coalesce(next, (SELECT value FROM counters WHERE name = 'next_quote_id'))`},
		{"rows without their article", `SELECT (SELECT count(*) FROM speaker_articles q WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = q.article_id))
			+ (SELECT count(*) FROM article_raw r WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = r.article_id))`},
		{"feed items out of step with their article", `SELECT count(*) FROM feed_items i JOIN articles a ON a.id = i.article_id
			WHERE i.sort_time != a.sort_time OR i.read != a.read OR i.starred != a.starred`},
		{"speaker names without speaker", "SELECT count(*) FROM speaker_names n WHERE NOT EXISTS (SELECT 1 FROM speakers s WHERE s.id = n.speaker_id)"},
		{"counters off", `SELECT (SELECT value FROM counters WHERE name = 'articles') != (SELECT count(*) FROM articles)
			+ ((SELECT value FROM counters WHERE name = 'unread') != (SELECT count(*) FROM articles WHERE read = 0))
			+ ((SELECT value FROM counters WHERE name = 'starred') != (SELECT count(*) FROM articles WHERE starred = 1))
			+ ((SELECT value FROM counters WHERE name = 'quotes') != (SELECT coalesce(sum(quote_count), 0) FROM articles))`},
		{"speaker counts off", `SELECT count(*) FROM (SELECT name, sum(quotes) AS n, count(*) AS a
			FROM speaker_articles GROUP BY name) q LEFT JOIN speaker_stats s ON s.name = q.name
			WHERE s.quotes IS NOT q.n OR s.articles IS NOT q.a`},
	}
	for _, c := range checks {
		var n int
		if err := s.db.QueryRowContext(ctx, c.query).Scan(&n); err != nil {
			return fmt.Errorf("verify store: %w", err)
		}
		if n != 0 {
			return fmt.Errorf("verify store: %d %s", n, c.what)
		}
	}
	if err := s.verifyQuotes(ctx); err != nil {
		return fmt.Errorf("verify store: %w", err)
	}
	var result string
	if err := s.db.QueryRowContext(ctx, "PRAGMA quick_check").Scan(&result); err != nil {
		return fmt.Errorf("verify store: %w", err)
	}
	if result != "ok" {
		return fmt.Errorf("verify store: quick_check: %s", result)
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
