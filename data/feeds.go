package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Feed is one subscription: where it is, how the user filed it, and what
// the last fetch left behind.
type Feed struct {
	ID       int64
	URL      string // as subscribed (http or https)
	Title    string // the user's or the OPML's, else the feed's own
	Tags     []string
	FullText bool // fetch linked pages for items that carry only a summary
	Added    time.Time

	// State kept between fetches.
	ETag           string
	LastModified   string
	LastFetch      time.Time // zero before the first fetch
	LastError      string    // "" when the last fetch went well
	NextFetchAfter time.Time // a Retry-After: not fetched before then
	LastItems      int       // items in the last document fetched
	LastNew        int       // articles the last fetch stored

	// Counts over the articles linked to the feed (Feeds and FeedByURL).
	Articles int
	Unread   int
}

// HasTag reports whether the feed is tagged tag (case-insensitively).
func (f Feed) HasTag(tag string) bool {
	return slices.ContainsFunc(f.Tags, func(t string) bool { return strings.EqualFold(t, tag) })
}

// ErrFeedExists is returned by AddFeed for a URL already subscribed.
var ErrFeedExists = errors.New("already subscribed")

// NormaliseTags trims, drops empty and repeated tags (case-insensitively,
// the first spelling kept) and sorts them.
func NormaliseTags(tags []string) []string {
	var out []string
	for _, t := range tags {
		t = strings.Join(strings.Fields(t), " ")
		if t == "" || slices.ContainsFunc(out, func(o string) bool { return strings.EqualFold(o, t) }) {
			continue
		}
		out = append(out, t)
	}
	slices.SortFunc(out, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
	return out
}

func joinTags(tags []string) string { return strings.Join(NormaliseTags(tags), "\n") }

func splitTags(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// AddFeed subscribes to f.URL with its title, tags and full-text flag, and
// returns its id. A URL already subscribed gives ErrFeedExists (and the
// existing feed's id).
func (s *Store) AddFeed(ctx context.Context, f Feed) (int64, error) {
	url := strings.TrimSpace(f.URL)
	if url == "" {
		return 0, errors.New("add feed: no URL")
	}
	added := time.Now()
	if !f.Added.IsZero() {
		added = f.Added
	}
	res, err := s.db.ExecContext(ctx, `INSERT INTO feeds (url, title, tags, fulltext, added) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT(url) DO NOTHING`, url, f.Title, joinTags(f.Tags), f.FullText, added.Unix())
	if err != nil {
		return 0, fmt.Errorf("add feed %s: %w", url, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		var id int64
		if err := s.db.QueryRowContext(ctx, "SELECT id FROM feeds WHERE url = ?", url).Scan(&id); err != nil {
			return 0, fmt.Errorf("add feed %s: %w", url, err)
		}
		return id, fmt.Errorf("%s: %w", url, ErrFeedExists)
	}
	return res.LastInsertId()
}

// UpdateFeedSettings sets a subscribed feed's title, tags and full-text flag.
func (s *Store) UpdateFeedSettings(ctx context.Context, id int64, title string, tags []string, fullText bool) error {
	_, err := s.db.ExecContext(ctx, "UPDATE feeds SET title = ?, tags = ?, fulltext = ? WHERE id = ?",
		title, joinTags(tags), fullText, id)
	if err != nil {
		return fmt.Errorf("update feed %d: %w", id, err)
	}
	return nil
}

// RemoveFeed unsubscribes from url. The feed's articles stay in the store
// (only their link to the feed goes). An unknown URL gives ErrNotFound.
func (s *Store) RemoveFeed(ctx context.Context, url string) error {
	res, err := s.db.ExecContext(ctx, "DELETE FROM feeds WHERE url = ?", strings.TrimSpace(url))
	if err != nil {
		return fmt.Errorf("remove feed %s: %w", url, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("feed %s: %w", url, ErrNotFound)
	}
	return nil
}

const feedColumns = `f.id, f.url, f.title, f.tags, f.fulltext, f.added, f.etag, f.last_modified, f.last_fetch,
	f.last_error, f.next_fetch_after, f.last_items, f.last_new, f.article_count, f.unread_count`

func scanFeed(sc interface{ Scan(...any) error }) (Feed, error) {
	var f Feed
	var tags string
	var added, lastFetch, next int64
	err := sc.Scan(&f.ID, &f.URL, &f.Title, &tags, &f.FullText, &added, &f.ETag, &f.LastModified, &lastFetch,
		&f.LastError, &next, &f.LastItems, &f.LastNew, &f.Articles, &f.Unread)
	f.Tags = splitTags(tags)
	f.Added, f.LastFetch, f.NextFetchAfter = timeOrZero(added), timeOrZero(lastFetch), timeOrZero(next)
	return f, err
}

// Feeds returns the subscriptions, by title then URL, with their article
// and unread counts; with a tag, only the feeds tagged so.
func (s *Store) Feeds(ctx context.Context, tag string) ([]Feed, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT "+feedColumns+" FROM feeds f ORDER BY lower(f.title), f.url")
	if err != nil {
		return nil, fmt.Errorf("list feeds: %w", err)
	}
	defer rows.Close()
	var feeds []Feed
	for rows.Next() {
		f, err := scanFeed(rows)
		if err != nil {
			return nil, fmt.Errorf("list feeds: %w", err)
		}
		if tag == "" || f.HasTag(tag) {
			feeds = append(feeds, f)
		}
	}
	return feeds, rows.Err()
}

// FeedByURL returns the subscription to url, or ErrNotFound.
func (s *Store) FeedByURL(ctx context.Context, url string) (Feed, error) {
	f, err := scanFeed(s.db.QueryRowContext(ctx, "SELECT "+feedColumns+" FROM feeds f WHERE f.url = ?", strings.TrimSpace(url)))
	if errors.Is(err, sql.ErrNoRows) {
		return Feed{}, fmt.Errorf("feed %s: %w", url, ErrNotFound)
	}
	if err != nil {
		return Feed{}, fmt.Errorf("feed %s: %w", url, err)
	}
	return f, nil
}

// FeedState is what one fetch leaves for the next.
type FeedState struct {
	Title          string // the feed's own title; set only when the feed has none
	ETag           string
	LastModified   string
	LastFetch      time.Time
	LastError      string
	NextFetchAfter time.Time
	LastItems      int
	LastNew        int
}

// UpdateFeedState records the outcome of a fetch of feed id.
func (s *Store) UpdateFeedState(ctx context.Context, id int64, st FeedState) error {
	_, err := s.db.ExecContext(ctx, `UPDATE feeds SET
		title = CASE WHEN title = '' THEN ? ELSE title END,
		etag = ?, last_modified = ?, last_fetch = ?, last_error = ?, next_fetch_after = ?,
		last_items = ?, last_new = ? WHERE id = ?`,
		st.Title, st.ETag, st.LastModified, unixOrZero(st.LastFetch), st.LastError, unixOrZero(st.NextFetchAfter),
		st.LastItems, st.LastNew, id)
	if err != nil {
		return fmt.Errorf("update feed %d: %w", id, err)
	}
	return nil
}

// FeedItem ties a stored article (by key) to the feed item it came from.
type FeedItem struct {
	Key  string // the article's key
	GUID string // the item's id in the feed, or ""
}

// LinkItems records that the articles with these keys are items of feed
// id. Keys not in the store, and links already made, are skipped.
func (s *Store) LinkItems(ctx context.Context, feedID int64, items []FeedItem) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// The article's sort time and flags go with it: a feed's list reads
	// down its items (migration 11).
	stmt, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO feed_items (feed_id, article_id, guid, sort_time, read, starred)
		SELECT ?, id, ?, sort_time, read, starred FROM articles WHERE key = ?`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, it := range items {
		if _, err := stmt.ExecContext(ctx, feedID, it.GUID, it.Key); err != nil {
			return fmt.Errorf("link feed items: %w", err)
		}
	}
	return tx.Commit()
}
