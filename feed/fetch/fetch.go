// Package fetch fetches subscribed feeds (RSS, Atom, JSON Feed) over HTTP,
// turns their items into articles (with the linked page's main text when an
// item carries only a summary) and stores them through feed.Importer, the
// same path as imported files. It is built to meet hostile servers: every
// request has a connect and a whole-request timeout, bodies are capped after
// decompression, redirects are few and http(s) only, items per feed are
// capped, and one feed's failure never stops the others.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sync"
	"time"

	"byline/data"
)

// Fetcher fetches feeds into a store. The zero value of every limit means
// its default. A Fetcher may be used by one FetchAll at a time; FetchAll is
// safe to run in a goroutine while the reader reads the same store.
type Fetcher struct {
	Store *data.Store
	// Client makes the requests; nil means NewClient(ConnectTimeout, Timeout).
	// A client of your own should refuse non-http redirects as NewClient's does.
	Client *http.Client

	Concurrency    int           // feeds fetched at once (8)
	PerHost        int           // requests at once to one host:port (2)
	Timeout        time.Duration // one whole request, body included (30 s)
	ConnectTimeout time.Duration // connecting and TLS (10 s)
	MaxBody        int64         // decompressed bytes read from one response (16 MiB)
	MaxItems       int           // items kept per feed per fetch, newest first (1000)
	MaxFullText    int           // pages fetched for full text per feed per fetch (50)
	NoFullText     bool          // never fetch linked pages, whatever the feeds say

	// OnStart is called when a feed's fetch starts, from a worker goroutine.
	OnStart func(data.Feed)
	// OnResult is called once per feed, when its outcome is stored, from
	// the goroutine running FetchAll, in the order feeds finish.
	OnResult func(FeedResult)

	init       sync.Once
	httpClient *http.Client
	hostsMu    sync.Mutex
	hosts      map[string]chan struct{}
}

// Status is what became of one feed.
type Status int

const (
	Fetched     Status = iota // the document was read (it may have had nothing new)
	NotModified               // the server answered 304 to a conditional request
	Deferred                  // not fetched: a Retry-After is pending, or the server said 429/503
	Failed                    // an error: see Err
)

func (s Status) String() string {
	return [...]string{"fetched", "not modified", "deferred", "failed"}[s]
}

// FeedResult is the outcome of one feed's fetch.
type FeedResult struct {
	Feed       data.Feed // as it was before the fetch
	Status     Status
	Title      string    // the feed document's title, when read
	Items      int       // items in the document
	New        int       // articles stored
	Err        error     // why it failed or was deferred
	RetryAfter time.Time // for Deferred: not before then
	// Warnings are problems that cost part of the feed: items over the
	// cap, pages whose full text could not be had (the summary is kept).
	Warnings []string
}

// Summary totals a FetchAll.
type Summary struct {
	Results                                     []FeedResult // in the order feeds finished
	New, Fetched, NotModified, Deferred, Failed int
}

func (f *Fetcher) setup() {
	f.init.Do(func() {
		f.httpClient = f.Client
		if f.httpClient == nil {
			f.httpClient = NewClient(f.connectTimeout(), f.timeout())
		}
		f.hosts = map[string]chan struct{}{}
	})
}

func (f *Fetcher) client() *http.Client { return f.httpClient }

func orDefault[T int | int64 | time.Duration](v, def T) T {
	if v > 0 {
		return v
	}
	return def
}

func (f *Fetcher) timeout() time.Duration { return orDefault(f.Timeout, DefaultTimeout) }
func (f *Fetcher) connectTimeout() time.Duration {
	return orDefault(f.ConnectTimeout, DefaultConnectTimeout)
}
func (f *Fetcher) maxBody() int64 { return orDefault(f.MaxBody, DefaultMaxBody) }

// hostSlot waits for one of the PerHost request slots of rawURL's host and
// returns its release, or nil when ctx ends first.
func (f *Fetcher) hostSlot(ctx context.Context, rawURL string) func() {
	host := rawURL
	if u, err := url.Parse(rawURL); err == nil {
		host = u.Host
	}
	f.hostsMu.Lock()
	slots, ok := f.hosts[host]
	if !ok {
		slots = make(chan struct{}, orDefault(f.PerHost, DefaultPerHost))
		f.hosts[host] = slots
	}
	f.hostsMu.Unlock()
	select {
	case slots <- struct{}{}:
		return func() { <-slots }
	case <-ctx.Done():
		return nil
	}
}

// FetchTag fetches the subscriptions tagged tag (all of them when tag is "").
func (f *Fetcher) FetchTag(ctx context.Context, tag string) (Summary, error) {
	feeds, err := f.Store.Feeds(ctx, tag)
	if err != nil {
		return Summary{}, err
	}
	return f.FetchAll(ctx, feeds)
}

// FetchAll fetches feeds concurrently and stores their new items. Feeds
// fail one by one (see the results); the error is for the store failing or
// ctx ending, and even then what was stored stays stored.
func (f *Fetcher) FetchAll(ctx context.Context, feeds []data.Feed) (Summary, error) {
	f.setup()
	jobs := make(chan data.Feed)
	outcomes := make(chan outcome)
	var wg sync.WaitGroup
	for range min(orDefault(f.Concurrency, DefaultConcurrency), max(len(feeds), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for fd := range jobs {
				if f.OnStart != nil {
					f.OnStart(fd)
				}
				outcomes <- f.fetchFeed(ctx, fd)
			}
		}()
	}
	go func() {
		defer close(jobs)
		for _, fd := range feeds {
			select {
			case jobs <- fd:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(outcomes)
	}()

	var sum Summary
	var storeErr error
	for first := range outcomes {
		// Store every outcome waiting, together: one import (and one
		// speaker refresh) for many feeds.
		batch := []outcome{first}
	drain:
		for {
			select {
			case o, ok := <-outcomes:
				if !ok {
					break drain
				}
				batch = append(batch, o)
			default:
				break drain
			}
		}
		if storeErr == nil {
			storeErr = f.store(ctx, batch)
		} else {
			for i := range batch {
				batch[i].fail(storeErr)
			}
		}
		for _, o := range batch {
			sum.add(o.result)
			if f.OnResult != nil {
				f.OnResult(o.result)
			}
		}
	}
	if storeErr != nil {
		return sum, storeErr
	}
	return sum, ctx.Err()
}

func (s *Summary) add(r FeedResult) {
	s.Results = append(s.Results, r)
	s.New += r.New
	switch r.Status {
	case Fetched:
		s.Fetched++
	case NotModified:
		s.NotModified++
	case Deferred:
		s.Deferred++
	case Failed:
		s.Failed++
	}
}

// timeoutError names a request that ran out of time plainly.
func timeoutError(err error, reqCtx context.Context, d time.Duration) error {
	if errors.Is(reqCtx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("no complete answer within %s (timed out)", d)
	}
	return err
}
