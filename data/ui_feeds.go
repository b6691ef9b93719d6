package data

import (
	"context"
	"fmt"
)

// FeedList returns one page of feed feedID's articles, newest first, paged
// like List (keyset on (sort_time, id); q.Filter, q.After, q.Before and
// q.Last mean what they mean there). It is the reader's list of one feed.
func (s *Store) FeedList(ctx context.Context, feedID int64, q ListQuery) ([]ListItem, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = 100
	}
	where := "id IN (SELECT article_id FROM feed_items WHERE feed_id = ?)"
	args := []any{feedID}
	switch q.Filter {
	case Unread:
		where += " AND read = 0"
	case Starred:
		where += " AND starred = 1"
	}
	order := "DESC"
	switch {
	case !q.After.IsZero():
		where += " AND (sort_time, id) < (?, ?)"
		args = append(args, q.After.SortTime, q.After.ID)
	case !q.Before.IsZero():
		where += " AND (sort_time, id) > (?, ?)"
		args = append(args, q.Before.SortTime, q.Before.ID)
		order = "ASC"
	case q.Last:
		order = "ASC"
	}
	query := "SELECT " + summaryColumns + " FROM articles WHERE " + where +
		fmt.Sprintf(" ORDER BY sort_time %s, id %s LIMIT ?", order, order)
	args = append(args, limit)
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("list feed articles: %w", err)
	}
	defer rows.Close()
	var items []ListItem
	for rows.Next() {
		it, err := scanSummary(rows)
		if err != nil {
			return nil, err
		}
		items = append(items, it)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if order == "ASC" {
		for i, j := 0, len(items)-1; i < j; i, j = i+1, j-1 {
			items[i], items[j] = items[j], items[i]
		}
	}
	return items, nil
}
