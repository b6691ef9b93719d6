package data

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
)

// RefreshSpeakers rebuilds the canonical speakers from the per-article
// speaker names. merge maps each name, given the number of articles naming
// it, to its canonical name across the archive (the extractor's
// MergeSpeakers). Speaker ids of names that keep their canonical name are
// stable across refreshes. It reads one row per distinct name (counts are
// kept as quotes come and go), does nothing when no quote came in since the
// last refresh, and runs after an import or a fetch, never on a key press.
func (s *Store) RefreshSpeakers(ctx context.Context, merge func(names []string, articles []int) map[string]string) error {
	var quotesNow, quotesAtRefresh int64
	if err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT value FROM counters WHERE name = 'quotes'),
		(SELECT value FROM counters WHERE name = 'quotes_at_refresh')`).Scan(&quotesNow, &quotesAtRefresh); err != nil {
		return fmt.Errorf("read speakers: %w", err)
	}
	if quotesNow == quotesAtRefresh {
		return nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT name, quotes, articles FROM speaker_stats WHERE quotes > 0 ORDER BY name`)
	if err != nil {
		return fmt.Errorf("read speakers: %w", err)
	}
	counts := map[string]count{}
	var names []string
	var articles []int
	for rows.Next() {
		var name string
		var c count
		if err := rows.Scan(&name, &c.quotes, &c.articles); err != nil {
			rows.Close()
			return err
		}
		names = append(names, name)
		articles = append(articles, c.articles)
		counts[name] = c
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	canon := merge(names, articles)
	canonOf := func(n string) string {
		if c, ok := canon[n]; ok && c != "" {
			return c
		}
		return n
	}
	// Within an article every name is merged to its fullest form, so the
	// names of one speaker never share an article: their article counts add.
	totals := map[string]count{}
	for _, n := range names {
		c := canonOf(n)
		t := totals[c]
		t.quotes += counts[n].quotes
		t.articles += counts[n].articles
		totals[c] = t
	}

	return s.writeTx(ctx, func(w *writeConn) error {
		if err := writeSpeakers(ctx, w, totals, names, canonOf); err != nil {
			return fmt.Errorf("store speakers: %w", err)
		}
		if _, err := w.conn.ExecContext(ctx, "UPDATE counters SET value = value + 1 WHERE name = 'speakers_generation'"); err != nil {
			return err
		}
		_, err := w.conn.ExecContext(ctx, "UPDATE counters SET value = ? WHERE name = 'quotes_at_refresh'", quotesNow)
		return err
	})
}

// count is a speaker's numbers of quotes and articles.
type count struct{ quotes, articles int }

// writeSpeakers brings the speakers and speaker_names tables to totals and
// canonOf, writing only the rows that change, in multi-row statements: a
// first import brings thousands of names, a fetch a few.
func writeSpeakers(ctx context.Context, w *writeConn, totals map[string]count, names []string, canonOf func(string) string) error {
	type speaker struct {
		id int64
		count
	}
	have := map[string]speaker{}
	var maxID int64
	rows, err := w.conn.QueryContext(ctx, "SELECT id, name, quotes, articles FROM speakers")
	if err != nil {
		return err
	}
	for rows.Next() {
		var sp speaker
		var name string
		if err := rows.Scan(&sp.id, &name, &sp.quotes, &sp.articles); err != nil {
			rows.Close()
			return err
		}
		have[name] = sp
		maxID = max(maxID, sp.id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	linked, err := queryMap[string, int64](ctx, w.conn, "SELECT name, speaker_id FROM speaker_names")
	if err != nil {
		return err
	}

	// Speakers: new ones get the next ids, kept ones keep theirs. Rows go
	// in in name order (and new ids with it), so each b-tree is written
	// along its edge, not all over. New rows go in with OR ROLLBACK (a
	// failure rolls the whole refresh back anyway) and the foreign key is
	// checked at commit: a statement that cannot stop halfway needs no
	// statement journal, which copied every 64 KiB page each statement
	// touched. Together these make a first import's refresh of thousands
	// of names about twice as fast.
	if _, err := w.conn.ExecContext(ctx, "PRAGMA defer_foreign_keys = ON"); err != nil {
		return err
	}
	var added, changed rowValues
	added.columns, changed.columns = 4, 4
	ids := make(map[string]int64, len(totals))
	for _, name := range slices.Sorted(maps.Keys(totals)) {
		t := totals[name]
		sp, ok := have[name]
		switch {
		case !ok:
			maxID++
			sp.id = maxID
			added.add(sp.id, name, int64(t.quotes), int64(t.articles))
		case sp.count != t:
			changed.add(sp.id, name, int64(t.quotes), int64(t.articles))
		}
		ids[name] = sp.id
	}
	for name, sp := range have {
		if _, ok := totals[name]; !ok { // its names went with their quotes
			if _, err := w.conn.ExecContext(ctx, "DELETE FROM speakers WHERE id = ?", sp.id); err != nil {
				return err
			}
		}
	}
	if err := w.insertRows(ctx, "INSERT OR ROLLBACK INTO speakers(id, name, quotes, articles) VALUES ", &added, "", 128); err != nil {
		return err
	}
	if err := w.insertRows(ctx, "INSERT INTO speakers(id, name, quotes, articles) VALUES ", &changed,
		" ON CONFLICT(id) DO UPDATE SET quotes = excluded.quotes, articles = excluded.articles", 128); err != nil {
		return err
	}

	// Names: each to its canonical speaker.
	var linkedNew, relinked rowValues
	linkedNew.columns, relinked.columns = 2, 2
	current := make(map[string]bool, len(names))
	for _, n := range names { // in name order (RefreshSpeakers reads them so)
		current[n] = true
		id := ids[canonOf(n)]
		switch old, ok := linked[n]; {
		case !ok:
			linkedNew.add(n, id)
		case old != id:
			relinked.add(n, id)
		}
	}
	for n := range linked {
		if !current[n] {
			if _, err := w.conn.ExecContext(ctx, "DELETE FROM speaker_names WHERE name = ?", n); err != nil {
				return err
			}
		}
	}
	if err := w.insertRows(ctx, "INSERT OR ROLLBACK INTO speaker_names(name, speaker_id) VALUES ", &linkedNew, "", 128); err != nil {
		return err
	}
	return w.insertRows(ctx, "INSERT INTO speaker_names(name, speaker_id) VALUES ", &relinked,
		" ON CONFLICT(name) DO UPDATE SET speaker_id = excluded.speaker_id", 128)
}

// Speakers lists every canonical speaker with aliases and roles, most
// quoted first. It reads every quote: for the `speakers` verb, not the UI.
func (s *Store) Speakers(ctx context.Context) ([]Speaker, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, quotes, articles FROM speakers ORDER BY quotes DESC, name`)
	if err != nil {
		return nil, fmt.Errorf("list speakers: %w", err)
	}
	var list []Speaker
	byID := map[int64]int{}
	for rows.Next() {
		var sp Speaker
		if err := rows.Scan(&sp.ID, &sp.Name, &sp.Quotes, &sp.Articles); err != nil {
			rows.Close()
			return nil, err
		}
		byID[sp.ID] = len(list)
		list = append(list, sp)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	ids, err := queryMap[string, int64](ctx, s.db, "SELECT name, speaker_id FROM speaker_names")
	if err != nil {
		return nil, err
	}
	aliases := map[int64]map[string]bool{}
	roles := map[int64]map[string]bool{}
	err = s.eachArticleQuotes(ctx, func(_ int64, qs []Quote) {
		for _, q := range qs {
			id, ok := ids[q.Speaker]
			if !ok {
				continue
			}
			if aliases[id] == nil {
				aliases[id], roles[id] = map[string]bool{}, map[string]bool{}
			}
			aliases[id][q.Speaker] = true
			if q.Source != "" && !isPronoun(q.Source) {
				aliases[id][q.Source] = true
			}
			if q.Role != "" {
				roles[id][q.Role] = true
			}
		}
	})
	if err != nil {
		return nil, fmt.Errorf("list speaker aliases: %w", err)
	}
	for id, i := range byID {
		delete(aliases[id], list[i].Name)
		list[i].Aliases = sortedKeys(aliases[id])
		list[i].Roles = sortedKeys(roles[id])
	}
	return list, nil
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func isPronoun(s string) bool {
	switch strings.ToLower(s) {
	case "he", "she", "they", "it", "we", "i", "you", "him", "her", "them":
		return true
	}
	return false
}
