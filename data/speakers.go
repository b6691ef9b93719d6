package data

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// RefreshSpeakers rebuilds the canonical speakers from the per-article
// speaker names. merge maps each name to its canonical name across the
// archive (the extractor's MergeSpeakers). Speaker ids of names that keep
// their canonical name are stable across refreshes. It reads one row per
// distinct name (counts are kept by triggers), does nothing when no quote
// came in since the last refresh, and runs after an import or a fetch,
// never on a key press.
func (s *Store) RefreshSpeakers(ctx context.Context, merge func(names []string) map[string]string) error {
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
	type count struct{ quotes, articles int }
	counts := map[string]count{}
	var names []string
	for rows.Next() {
		var name string
		var c count
		if err := rows.Scan(&name, &c.quotes, &c.articles); err != nil {
			rows.Close()
			return err
		}
		names = append(names, name)
		counts[name] = c
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	canon := merge(names)
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

	// The rows go in as JSON arrays read by set-based statements: one
	// statement each instead of one per name, which costs more than the
	// data when an import brings thousands of names.
	type speakerRow struct {
		Name             string
		Quotes, Articles int
	}
	speakers := make([]speakerRow, 0, len(totals))
	for c, t := range totals {
		speakers = append(speakers, speakerRow{c, t.quotes, t.articles})
	}
	type nameRow struct{ Name, Canonical string }
	links := make([]nameRow, len(names))
	for i, n := range names {
		links[i] = nameRow{n, canonOf(n)}
	}
	speakersJSON, err := json.Marshal(speakers)
	if err != nil {
		return err
	}
	linksJSON, err := json.Marshal(links)
	if err != nil {
		return err
	}

	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, st := range []struct {
		query string
		arg   []byte
	}{
		{`INSERT INTO speakers(name, quotes, articles)
			SELECT value->>'Name', value->>'Quotes', value->>'Articles' FROM json_each(?) WHERE true
			ON CONFLICT(name) DO UPDATE SET quotes = excluded.quotes, articles = excluded.articles`, speakersJSON},
		{`DELETE FROM speakers WHERE name NOT IN (SELECT value->>'Name' FROM json_each(?))`, speakersJSON},
		{`DELETE FROM speaker_names`, nil},
		{`INSERT INTO speaker_names(name, speaker_id)
			SELECT j.value->>'Name', s.id FROM json_each(?) j JOIN speakers s ON s.name = j.value->>'Canonical'`, linksJSON},
	} {
		var args []any
		if st.arg != nil {
			args = []any{string(st.arg)}
		}
		if _, err := tx.ExecContext(ctx, st.query, args...); err != nil {
			return fmt.Errorf("store speakers: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, "UPDATE counters SET value = value + 1 WHERE name = 'speakers_generation'"); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE counters SET value = ? WHERE name = 'quotes_at_refresh'", quotesNow); err != nil {
		return err
	}
	return tx.Commit()
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
	rows, err = s.db.QueryContext(ctx, `SELECT DISTINCT sn.speaker_id, q.speaker, q.source, q.role
		FROM quotes q JOIN speaker_names sn ON sn.name = q.speaker`)
	if err != nil {
		return nil, fmt.Errorf("list speaker aliases: %w", err)
	}
	defer rows.Close()
	aliases := map[int64]map[string]bool{}
	roles := map[int64]map[string]bool{}
	for rows.Next() {
		var id int64
		var name, source, role string
		if err := rows.Scan(&id, &name, &source, &role); err != nil {
			return nil, err
		}
		if aliases[id] == nil {
			aliases[id], roles[id] = map[string]bool{}, map[string]bool{}
		}
		aliases[id][name] = true
		if source != "" && !isPronoun(source) {
			aliases[id][source] = true
		}
		if role != "" {
			roles[id][role] = true
		}
	}
	for id, i := range byID {
		delete(aliases[id], list[i].Name)
		list[i].Aliases = sortedKeys(aliases[id])
		list[i].Roles = sortedKeys(roles[id])
	}
	return list, rows.Err()
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
