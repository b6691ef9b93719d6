package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"sync"
	"time"

	"byline/data"
	"byline/feed"
)

// fullTextWorkers is how many linked pages one feed fetches at once (the
// per-host limit applies on top).
const fullTextWorkers = 4

// outcome is one feed's fetch, waiting to be stored.
type outcome struct {
	result   FeedResult
	articles []data.Article  // new articles
	links    []data.FeedItem // every item kept, new or not
	state    *data.FeedState // nil: leave the feed's state alone
}

// fail turns the outcome into a failure that stores nothing and keeps
// the feed's validators, so the next fetch reads the document again.
func (o *outcome) fail(err error) {
	o.result.Status, o.result.Err, o.result.New = Failed, err, 0
	o.articles, o.links = nil, nil
	o.state = failedState(o.result.Feed, err)
}

func failedState(fd data.Feed, err error) *data.FeedState {
	return &data.FeedState{ETag: fd.ETag, LastModified: fd.LastModified, LastFetch: time.Now(),
		LastError: cleanLine(err.Error()), LastItems: fd.LastItems}
}

// fetchFeed fetches and reads one feed. It touches the store only to look
// up which items it already holds.
func (f *Fetcher) fetchFeed(ctx context.Context, fd data.Feed) outcome {
	o := outcome{result: FeedResult{Feed: fd}}
	now := time.Now()
	if fd.NextFetchAfter.After(now) {
		o.result.Status, o.result.RetryAfter = Deferred, fd.NextFetchAfter
		o.result.Err = fmt.Errorf("the server asked for no fetch before %s", fd.NextFetchAfter.Local().Format("2006-01-02 15:04"))
		return o
	}
	feedURL, err := url.Parse(fd.URL)
	if err != nil || (feedURL.Scheme != "http" && feedURL.Scheme != "https") {
		o.fail(fmt.Errorf("%w", ErrBadScheme))
		return o
	}
	resp, err := f.getFeed(ctx, fd)
	if err != nil {
		var retry *RetryError
		if errors.As(err, &retry) {
			o.result.Status, o.result.Err, o.result.RetryAfter = Deferred, err, retry.Until
			st := failedState(fd, err)
			st.NextFetchAfter = retry.Until
			o.state = st
			return o
		}
		o.fail(err)
		return o
	}
	state := &data.FeedState{ETag: resp.etag, LastModified: resp.lastModified, LastFetch: now, LastItems: fd.LastItems}
	if resp.status == 304 {
		// Servers may leave the validators out of a 304: keep ours.
		if state.ETag == "" {
			state.ETag = fd.ETag
		}
		if state.LastModified == "" {
			state.LastModified = fd.LastModified
		}
		o.result.Status, o.state = NotModified, state
		return o
	}
	maxItems := orDefault(f.MaxItems, DefaultMaxItems)
	pf, err := parseFeed(resp.body, resp.finalURL, maxItems)
	if err != nil {
		o.fail(err)
		return o
	}
	o.result.Status, o.result.Title, o.result.Items = Fetched, pf.title, pf.total
	state.Title, state.LastItems = pf.title, pf.total
	if pf.total > len(pf.items) && len(pf.items) == maxItems {
		o.warn("the feed has %d items: kept the %d newest", pf.total, maxItems)
	}
	keys := make([]string, len(pf.items))
	for i, it := range pf.items {
		keys[i] = it.article.Key
	}
	stored, err := f.Store.Stored(ctx, keys)
	if err != nil {
		o.fail(fmt.Errorf("store: %w", err))
		return o
	}
	var fresh []*item
	for i := range pf.items {
		it := &pf.items[i]
		o.links = append(o.links, data.FeedItem{Key: it.article.Key, GUID: it.guid})
		if !stored[it.article.Key] {
			fresh = append(fresh, it)
		}
	}
	if fd.FullText && !f.NoFullText {
		f.fullTexts(ctx, &o, fresh)
	}
	for _, it := range fresh {
		// As for files: a leading "PORT ELLIS – " dateline goes to Place.
		if place, rest := feed.SplitDateline(it.article.Body); place != "" {
			it.article.Place, it.article.Body = place, rest
		}
		o.articles = append(o.articles, it.article)
	}
	o.state = state
	return o
}

// getFeed makes the conditional GET for a feed, holding a slot of its host.
func (f *Fetcher) getFeed(ctx context.Context, fd data.Feed) (*response, error) {
	release := f.hostSlot(ctx, fd.URL)
	if release == nil {
		return nil, ctx.Err()
	}
	defer release()
	reqCtx, cancel := context.WithTimeout(ctx, f.timeout())
	defer cancel()
	resp, err := get(reqCtx, f.client(), fd.URL, fd.ETag, fd.LastModified, f.maxBody(),
		"application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5")
	if err != nil {
		return nil, timeoutError(err, reqCtx, f.timeout())
	}
	return resp, nil
}

// fullTexts fetches the linked pages of summary-only items, a few at once,
// at most MaxFullText per feed.
func (f *Fetcher) fullTexts(ctx context.Context, o *outcome, items []*item) {
	var todo []*item
	for _, it := range items {
		if it.summaryOnly {
			todo = append(todo, it)
		}
	}
	if limit := orDefault(f.MaxFullText, 50); len(todo) > limit {
		o.warn("%d items carry only a summary: fetched the full text of the first %d", len(todo), limit)
		todo = todo[:limit]
	}
	errs := make([]error, len(todo))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(fullTextWorkers, len(todo)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				errs[i] = f.fullText(ctx, todo[i])
			}
		}()
	}
	for i := range todo {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			o.warn("full text of %s: %s; kept the summary", todo[i].article.URL, cleanLine(err.Error()))
		}
	}
}

func (o *outcome) warn(format string, args ...any) {
	o.result.Warnings = append(o.result.Warnings, fmt.Sprintf(format, args...))
}

// store writes a batch of outcomes: the new articles of all of them in one
// import (quotes extracted, speakers refreshed once), then each feed's
// links and state. The state goes last, so a fetch that dies before its
// articles are stored leaves the validators as they were and the next
// fetch reads the document again.
func (f *Fetcher) store(ctx context.Context, batch []outcome) error {
	// What was fetched is stored even when the fetch is being cancelled.
	ctx = context.WithoutCancel(ctx)
	var all []data.Article
	claimed := map[string]*outcome{}
	for i := range batch {
		o := &batch[i]
		for _, a := range o.articles {
			if claimed[a.Key] == nil { // two feeds carrying the same article: the first counts it
				claimed[a.Key] = o
				all = append(all, a)
			}
		}
	}
	if len(all) > 0 {
		// New counts what the store took, not what was sent: another
		// fetch (a feed in another batch, another process) may have
		// stored an article since it was found missing.
		im := &feed.Importer{Store: f.Store, Inserted: func(key string) { claimed[key].result.New++ }}
		if _, err := im.ImportArticles(ctx, all); err != nil {
			err = fmt.Errorf("store: %w", err)
			for i := range batch {
				batch[i].fail(err)
				if serr := f.Store.UpdateFeedState(ctx, batch[i].result.Feed.ID, *batch[i].state); serr != nil {
					return serr
				}
			}
			return err
		}
	}
	for i := range batch {
		o := &batch[i]
		if len(o.links) > 0 {
			if err := f.Store.LinkItems(ctx, o.result.Feed.ID, o.links); err != nil {
				return fmt.Errorf("store: %w", err)
			}
		}
		if o.state != nil {
			o.state.LastNew = o.result.New
			if err := f.Store.UpdateFeedState(ctx, o.result.Feed.ID, *o.state); err != nil {
				return fmt.Errorf("store: %w", err)
			}
		}
	}
	return nil
}
