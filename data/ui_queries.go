package data

import (
	"context"
	"fmt"
	"strings"
)

// Queries the reader's quote pane needs beyond Quotes (which pages forwards
// only): the page before a row, and the last page, so the pane can keep a
// window of quotes, page back to the top and jump to the oldest.

// QuotesBefore returns up to qq.Limit quotes that come just before cursor
// in the newest-first order (newer ones), still newest first. qq.After is
// ignored.
func (s *Store) QuotesBefore(ctx context.Context, qq QuoteQuery, before Cursor) ([]QuoteItem, error) {
	return s.quotesReversed(ctx, qq, &before)
}

// LastQuotes returns the last page of quotes (the oldest), newest first.
// qq.After is ignored.
func (s *Store) LastQuotes(ctx context.Context, qq QuoteQuery) ([]QuoteItem, error) {
	return s.quotesReversed(ctx, qq, nil)
}

// quotesReversed reads quotes oldest first (after before, when set) by
// keyset on (sort_time, id), and returns them newest first.
func (s *Store) quotesReversed(ctx context.Context, qq QuoteQuery, before *Cursor) ([]QuoteItem, error) {
	limit := qq.Limit
	if limit <= 0 {
		limit = 100
	}
	var where []string
	var args []any
	if len(qq.SpeakerIDs) > 0 {
		marks := strings.TrimSuffix(strings.Repeat("?,", len(qq.SpeakerIDs)), ",")
		where = append(where, "q.speaker IN (SELECT name FROM speaker_names WHERE speaker_id IN ("+marks+"))")
		for _, id := range qq.SpeakerIDs {
			args = append(args, id)
		}
	}
	if qq.Kind != "" {
		where = append(where, "q.kind = ?")
		args = append(args, string(qq.Kind))
	}
	if before != nil {
		where = append(where, "(q.sort_time, q.id) > (?, ?)")
		args = append(args, before.SortTime, before.ID)
	}
	query := "SELECT " + quoteColumns + `, q.sort_time, a.title, a.published, coalesce(sn.speaker_id, 0)
		FROM quotes q JOIN articles a ON a.id = q.article_id
		LEFT JOIN speaker_names sn ON sn.name = q.speaker`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query += " ORDER BY q.sort_time ASC, q.id ASC LIMIT ?"
	args = append(args, limit)
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("list quotes: %w", err)
	}
	defer rows.Close()
	var items []QuoteItem
	for rows.Next() {
		var it QuoteItem
		var published int64
		it.Quote, err = scanQuote(rows, &it.Cursor.SortTime, &it.ArticleTitle, &published, &it.SpeakerID)
		if err != nil {
			return nil, err
		}
		it.Published = timeOrZero(published)
		it.Cursor.ID = it.ID
		items = append(items, it)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i, j := 0, len(items)-1; i < j; i, j = i+1, j-1 {
		items[i], items[j] = items[j], items[i]
	}
	return items, nil
}
