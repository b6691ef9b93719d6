package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// UserAgent names byline to the servers it fetches from.
const UserAgent = "byline/0.1 (+terminal news reader)"

// MaxRedirects is how many redirects one request follows.
const MaxRedirects = 5

// Defaults for the Fetcher's limits.
const (
	DefaultTimeout        = 30 * time.Second
	DefaultConnectTimeout = 10 * time.Second
	DefaultMaxBody        = 16 << 20 // decompressed bytes
	DefaultConcurrency    = 8
	DefaultPerHost        = 2
	DefaultMaxItems       = 1000
	DefaultRetryAfter     = time.Hour // for a 429 or 503 without a usable Retry-After
)

// Errors a fetch can fail with; test them with errors.Is.
var (
	ErrTooLarge     = errors.New("body over the size limit")
	ErrBadScheme    = errors.New("not an http or https URL")
	ErrTooManyHops  = errors.New("too many redirects")
	ErrRateLimited  = errors.New("rate limited")
	ErrNotAvailable = errors.New("not available")
)

// HTTPError is a response with a status byline cannot use.
type HTTPError struct {
	Status int
}

func (e *HTTPError) Error() string {
	return fmt.Sprintf("HTTP %d %s", e.Status, http.StatusText(e.Status))
}

// RetryError is a 429 or 503: the server asked us to come back later.
type RetryError struct {
	Status int
	Until  time.Time
}

func (e *RetryError) Error() string {
	return fmt.Sprintf("HTTP %d %s: not fetched again before %s", e.Status, http.StatusText(e.Status),
		e.Until.Local().Format("2006-01-02 15:04"))
}

func (e *RetryError) Unwrap() error { return ErrRateLimited }

// NewClient returns the HTTP client the Fetcher uses by default: a connect
// timeout, a timeout on the response headers, gzip (the transport
// decompresses; the Fetcher limits the decompressed size), at most
// MaxRedirects redirects and only to http or https.
func NewClient(connectTimeout, headerTimeout time.Duration) *http.Client {
	dialer := &net.Dialer{Timeout: connectTimeout, KeepAlive: 30 * time.Second}
	transport := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           dialer.DialContext,
		TLSHandshakeTimeout:   connectTimeout,
		ResponseHeaderTimeout: headerTimeout,
		MaxIdleConnsPerHost:   DefaultPerHost,
		IdleConnTimeout:       90 * time.Second,
		ForceAttemptHTTP2:     true,
	}
	return &http.Client{Transport: transport, CheckRedirect: checkRedirect}
}

func checkRedirect(req *http.Request, via []*http.Request) error {
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return fmt.Errorf("redirect to %s: %w", req.URL.Redacted(), ErrBadScheme)
	}
	if len(via) >= MaxRedirects {
		return fmt.Errorf("%w: stopped after %d", ErrTooManyHops, MaxRedirects)
	}
	return nil
}

// response is what a GET gave: the body read whole, within the limit.
type response struct {
	status       int
	body         []byte
	etag         string
	lastModified string
	finalURL     *url.URL
	contentType  string
}

// get fetches u with the conditional headers given, reading at most maxBody
// decompressed bytes. A 304 comes back with status 304 and no body; other
// statuses than 2xx are errors.
func get(ctx context.Context, client *http.Client, u, etag, lastModified string, maxBody int64, accept string) (*response, error) {
	parsed, err := url.Parse(u)
	if err != nil {
		return nil, err
	}
	if parsed.Scheme != "http" && parsed.Scheme != "https" {
		return nil, ErrBadScheme
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", UserAgent)
	req.Header.Set("Accept", accept)
	if etag != "" {
		req.Header.Set("If-None-Match", etag)
	}
	if lastModified != "" {
		req.Header.Set("If-Modified-Since", lastModified)
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, cleanURLError(err)
	}
	defer resp.Body.Close()
	r := &response{status: resp.StatusCode, etag: resp.Header.Get("ETag"),
		lastModified: resp.Header.Get("Last-Modified"), finalURL: resp.Request.URL,
		contentType: resp.Header.Get("Content-Type")}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		return r, nil
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable:
		return nil, &RetryError{Status: resp.StatusCode, Until: retryAfter(resp.Header.Get("Retry-After"), time.Now())}
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return nil, &HTTPError{Status: resp.StatusCode}
	}
	// Read one byte past the limit to tell "exactly the limit" from "over".
	// The limit is on decompressed bytes: a gzip bomb stops here.
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody+1))
	if err != nil {
		return nil, fmt.Errorf("read body: %w", cleanURLError(err))
	}
	if int64(len(body)) > maxBody {
		return nil, fmt.Errorf("%w of %s", ErrTooLarge, byteSize(maxBody))
	}
	r.body = body
	return r, nil
}

// retryAfter reads a Retry-After header (seconds or an HTTP date), capped
// at a week; absent or unreadable gives DefaultRetryAfter.
func retryAfter(h string, now time.Time) time.Time {
	h = strings.TrimSpace(h)
	if secs, err := strconv.ParseInt(h, 10, 64); err == nil && secs >= 0 {
		return now.Add(time.Duration(min(secs, 7*24*3600)) * time.Second)
	}
	if t, err := http.ParseTime(h); err == nil {
		if t.Before(now) {
			return now
		}
		if limit := now.Add(7 * 24 * time.Hour); t.After(limit) {
			return limit
		}
		return t
	}
	return now.Add(DefaultRetryAfter)
}

// cleanURLError drops the *url.Error wrapping ("Get \"http://...\": ...")
// since messages already name the feed, and names timeouts plainly.
func cleanURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		if ue.Timeout() {
			return fmt.Errorf("timed out: %w", ue.Err)
		}
		return ue.Err
	}
	return err
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
