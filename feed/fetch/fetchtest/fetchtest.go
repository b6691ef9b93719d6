// Package fetchtest serves fictional feeds from loopback httptest servers,
// for the tests of feed/fetch and of the byline command: good feeds in every
// format (with conditional GET), and hostile servers.
package fetchtest

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// Server serves the good feeds and counts what it was asked.
type Server struct {
	*httptest.Server
	mu sync.Mutex
	// Conditional counts the requests per path that carried If-None-Match
	// or If-Modified-Since; NotModified the 304s answered.
	Conditional map[string]int
	NotModified map[string]int
	Requests    map[string]int
	UserAgents  map[string]bool
}

// The good feeds' paths.
const (
	RSSPath     = "/rss.xml"
	AtomPath    = "/atom.xml"
	JSONPath    = "/feed.json"
	SummaryPath = "/summary.xml" // items with a one-line summary linking to /page/N
)

// GoodItems is how many items the good feeds hold in all.
const GoodItems = 2 + 1 + 1 + 2

// lastModified is the good feeds' Last-Modified.
var lastModified = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC).Format(http.TimeFormat)

// NewServer starts the good feeds.
func NewServer(t testing.TB) *Server {
	s := &Server{Conditional: map[string]int{}, NotModified: map[string]int{}, Requests: map[string]int{}, UserAgents: map[string]bool{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

// URL returns the absolute URL of path on the server.
func (s *Server) URLOf(path string) string { return s.URL + path }

// Count returns a counter's value for path, safely.
func (s *Server) Count(m map[string]int, path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return m[path]
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.Requests[r.URL.Path]++
	s.UserAgents[r.UserAgent()] = true
	conditional := r.Header.Get("If-None-Match") != "" || r.Header.Get("If-Modified-Since") != ""
	if conditional {
		s.Conditional[r.URL.Path]++
	}
	s.mu.Unlock()
	var body, ctype string
	switch r.URL.Path {
	case RSSPath:
		body, ctype = rssFeed, "application/rss+xml"
		// ETag validation only.
		etag := `"rss-v1"`
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			s.notModified(w, r.URL.Path)
			return
		}
	case AtomPath, SummaryPath:
		body, ctype = atomFeed, "application/atom+xml"
		if r.URL.Path == SummaryPath {
			body, ctype = summaryFeed, "application/rss+xml"
		}
		// Last-Modified validation only.
		w.Header().Set("Last-Modified", lastModified)
		if r.Header.Get("If-Modified-Since") == lastModified {
			s.notModified(w, r.URL.Path)
			return
		}
	case JSONPath:
		body, ctype = jsonFeed, "application/feed+json"
		w.Header().Set("ETag", `W/"json-1"`)
		w.Header().Set("Last-Modified", lastModified)
		if r.Header.Get("If-None-Match") == `W/"json-1"` {
			s.notModified(w, r.URL.Path)
			return
		}
	case "/page/1", "/page/2":
		body, ctype = pages[r.URL.Path], "text/html; charset=utf-8"
	default:
		http.NotFound(w, r)
		return
	}
	body = strings.ReplaceAll(body, "{{base}}", s.URL)
	w.Header().Set("Content-Type", ctype)
	if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		w.Header().Set("Content-Encoding", "gzip")
		gz := gzip.NewWriter(w)
		gz.Write([]byte(body))
		gz.Close()
		return
	}
	fmt.Fprint(w, body)
}

func (s *Server) notModified(w http.ResponseWriter, path string) {
	s.mu.Lock()
	s.NotModified[path]++
	s.mu.Unlock()
	w.WriteHeader(http.StatusNotModified)
}

// OPML lists the good feeds, nested in folders.
func (s *Server) OPML() string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>Test</title></head><body>
  <outline text="News">
    <outline text="Harbour Gazette" xmlUrl="` + s.URLOf(RSSPath) + `" type="rss"/>
    <outline text="Coast Atom" xmlUrl="` + s.URLOf(AtomPath) + `" type="rss" category="Local"/>
  </outline>
  <outline text="Ferry JSON" xmlUrl="` + s.URLOf(JSONPath) + `" type="rss"/>
  <outline text="Summaries">
    <outline text="Short Wire" xmlUrl="` + s.URLOf(SummaryPath) + `" type="rss"/>
  </outline>
</body></opml>`
}

// Gzip compresses b.
func Gzip(b []byte) []byte {
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	gz.Write(b)
	gz.Close()
	return buf.Bytes()
}
