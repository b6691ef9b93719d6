package main

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"byline/data"
	"byline/feed/fetch"
	"byline/feed/opml"
)

func (a *app) feedsCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "feeds",
		Short: "Manage feed subscriptions (RSS, Atom, JSON Feed)",
		Long: `Manage the feeds 'byline fetch' reads: add, list, remove, and import or
export them as OPML to move them to and from other feed readers.`,
		Example: `  byline feeds add https://example.com/rss
  byline feeds list`,
		Args: cobra.ArbitraryArgs,
		RunE: needsSubcommand("subcommand"),
	}
	cmd.AddCommand(a.feedsAddCommand(), a.feedsListCommand(), a.feedsRemoveCommand(),
		a.feedsImportCommand(), a.feedsExportCommand())
	return cmd
}

// feedURL checks that s is an absolute http(s) URL.
func feedURL(s string) (string, error) {
	s = strings.TrimSpace(s)
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("%q is not an http or https URL", oneLine(s))
	}
	return s, nil
}

func exactlyOne(what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != 1 {
			return usagef("%s needs exactly one %s", verbPath(cmd), what)
		}
		return nil
	}
}

func (a *app) feedsAddCommand() *cobra.Command {
	var tags []string
	var title string
	var noFullText bool
	cmd := &cobra.Command{
		Use:   "add URL",
		Short: "Subscribe to a feed",
		Long: `Subscribe to the feed at URL (RSS, Atom or JSON Feed). Items that carry only a
summary get the text of the page they link to, unless --no-fulltext is given.`,
		Example: `  byline feeds add https://example.com/rss --tag news --tag local`,
		Args:    exactlyOne("URL"),
		RunE: func(cmd *cobra.Command, args []string) error {
			u, err := feedURL(args[0])
			if err != nil {
				return usageError{err}
			}
			store, err := a.openStore()
			if err != nil {
				return err
			}
			defer store.Close()
			_, err = store.AddFeed(cmd.Context(), data.Feed{URL: u, Title: title, Tags: tags, FullText: !noFullText})
			if errors.Is(err, data.ErrFeedExists) {
				return fmt.Errorf("already subscribed to %s", oneLine(u))
			}
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "Subscribed to %s; 'byline fetch' reads it.\n", oneLine(u))
			return nil
		},
	}
	cmd.Flags().StringArrayVar(&tags, "tag", nil, "file the feed under tag T (repeatable)")
	cmd.Flags().StringVar(&title, "title", "", "the feed's title (default: the feed's own)")
	cmd.Flags().BoolVar(&noFullText, "no-fulltext", false, "keep items' summaries; never fetch the pages they link to")
	return cmd
}

// feedJSON is a subscription as 'feeds list --json' gives it.
type feedJSON struct {
	URL            string   `json:"url"`
	Title          string   `json:"title"`
	Tags           []string `json:"tags"`
	FullText       bool     `json:"fulltext"`
	Articles       int      `json:"articles"`
	Unread         int      `json:"unread"`
	LastFetch      *string  `json:"last_fetch"`
	LastError      string   `json:"last_error"`
	NextFetchAfter *string  `json:"next_fetch_after"`
}

func cleanTags(tags []string) []string {
	out := make([]string, 0, len(tags))
	for _, t := range tags {
		out = append(out, oneLine(t))
	}
	return out
}

func (a *app) feedsListCommand() *cobra.Command {
	var asJSON bool
	var tag string
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List subscriptions with unread counts, last fetch and last error",
		Long: `List the subscriptions by title, one a line: unread and article counts, title,
URL, tags, "(no full text)" for a feed added with --no-fulltext, and when it
was last fetched or the error its last fetch gave. With --json, a JSON array
of objects with url, title, tags, fulltext, articles, unread, last_fetch,
last_error and next_fetch_after (times RFC 3339, or null).`,
		Example: `  byline feeds list
  byline feeds list --tag news --json | jq -r '.[].url'`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			store, err := a.openExistingStore()
			if err != nil {
				return err
			}
			defer store.Close()
			feeds, err := store.Feeds(cmd.Context(), tag)
			if err != nil {
				return err
			}
			if asJSON {
				out := &jsonArray{w: a.stdout}
				for _, f := range feeds {
					if err := out.add(feedJSON{URL: oneLine(f.URL), Title: oneLine(f.Title), Tags: cleanTags(f.Tags),
						FullText: f.FullText, Articles: f.Articles, Unread: f.Unread, LastFetch: timeJSON(f.LastFetch),
						LastError: oneLine(f.LastError), NextFetchAfter: timeJSON(f.NextFetchAfter)}); err != nil {
						return err
					}
				}
				return out.close()
			}
			if len(feeds) == 0 {
				fmt.Fprintln(a.stderr, "No subscriptions: add one with 'byline feeds add URL'.")
				return nil
			}
			for _, f := range feeds {
				fmt.Fprintln(a.stdout, feedLine(f))
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array")
	cmd.Flags().StringVar(&tag, "tag", "", "only the feeds tagged T")
	return cmd
}

// feedLine is one subscription in 'feeds list'.
func feedLine(f data.Feed) string {
	title := oneLine(f.Title)
	if title == "" {
		title = "(untitled)"
	}
	line := fmt.Sprintf("%5d/%-5d %s  %s", f.Unread, f.Articles, title, oneLine(f.URL))
	if len(f.Tags) > 0 {
		line += "  [" + strings.Join(cleanTags(f.Tags), ", ") + "]"
	}
	if !f.FullText {
		line += "  (no full text)"
	}
	switch {
	case f.LastFetch.IsZero():
		line += "  never fetched"
	case f.LastError != "":
		line += "  error: " + oneLine(f.LastError)
	default:
		line += "  fetched " + f.LastFetch.Local().Format("2006-01-02 15:04")
	}
	return line
}

func (a *app) feedsRemoveCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "remove URL",
		Short: "Unsubscribe from a feed (its articles stay in the store)",
		Long: `Unsubscribe from the feed at URL, written as 'byline feeds list' shows it:
'byline fetch' reads it no more. The articles already fetched from it stay in
the store, with their quotes.`,
		Example: `  byline feeds remove https://example.com/rss`,
		Args:    exactlyOne("URL"),
		RunE: func(cmd *cobra.Command, args []string) error {
			store, err := a.openExistingStore()
			if err != nil {
				return err
			}
			defer store.Close()
			if err := store.RemoveFeed(cmd.Context(), args[0]); errors.Is(err, data.ErrNotFound) {
				return fmt.Errorf("not subscribed to %s", oneLine(args[0]))
			} else if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "Unsubscribed from %s.\n", oneLine(args[0]))
			return nil
		},
	}
}

func (a *app) feedsImportCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "import FILE.opml",
		Short: "Subscribe to the feeds of an OPML file (folders and categories become tags)",
		Long: `Subscribe to every feed in an OPML file, as other feed readers (and 'byline
feeds export') write them. The folders and categories a feed is filed under
become its tags. A feed already subscribed to gains the file's tags (and its
title, if it had none). An entry whose URL is not http or https is skipped,
with a warning naming the file. Prints how many feeds were added, already
subscribed and skipped.`,
		Example: `  byline feeds import subscriptions.opml
  byline feeds import ~/Downloads/feedly.opml`,
		Args: exactlyOne("OPML file"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.importOPML(cmd.Context(), args[0])
		},
	}
}

func (a *app) importOPML(ctx context.Context, path string) error {
	file, err := os.Open(path)
	if err != nil {
		return err
	}
	defer file.Close()
	feeds, err := opml.Read(file)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	store, err := a.openStore()
	if err != nil {
		return err
	}
	defer store.Close()
	added, existing, skipped := 0, 0, 0
	for _, f := range feeds {
		u, err := feedURL(f.URL)
		if err != nil {
			a.warnf("%s: skipped: %s", path, err)
			skipped++
			continue
		}
		_, err = store.AddFeed(ctx, data.Feed{URL: u, Title: f.Title, Tags: f.Tags, FullText: f.FullText})
		switch {
		case errors.Is(err, data.ErrFeedExists):
			// Already subscribed: add the file's tags, fill a missing title.
			old, err := store.FeedByURL(ctx, u)
			if err != nil {
				return err
			}
			title := old.Title
			if title == "" {
				title = f.Title
			}
			if err := store.UpdateFeedSettings(ctx, old.ID, title, append(old.Tags, f.Tags...), old.FullText); err != nil {
				return err
			}
			existing++
		case err != nil:
			return err
		default:
			added++
		}
	}
	fmt.Fprintf(a.stdout, "%d feeds added, %d already subscribed, %d skipped\n", added, existing, skipped)
	return nil
}

func (a *app) feedsExportCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "export",
		Short: "Print the subscriptions as OPML 2.0, for other feed readers",
		Long: `Print the subscriptions as an OPML 2.0 document, for other feed readers or
another store's 'byline feeds import': a feed's first tag becomes its folder
and all its tags its categories, and a feed added with --no-fulltext is
marked so, which 'byline feeds import' reads back.`,
		Example: `  byline feeds export > subscriptions.opml`,
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			store, err := a.openExistingStore()
			if err != nil {
				return err
			}
			defer store.Close()
			feeds, err := store.Feeds(cmd.Context(), "")
			if err != nil {
				return err
			}
			out := make([]opml.Feed, 0, len(feeds))
			for _, f := range feeds {
				out = append(out, opml.Feed{URL: f.URL, Title: f.Title, Tags: f.Tags, FullText: f.FullText})
			}
			return opml.Write(a.stdout, "byline subscriptions", out)
		},
	}
}

func (a *app) fetchCommand() *cobra.Command {
	var tag string
	var timeout time.Duration
	cmd := &cobra.Command{
		Use:   "fetch",
		Short: "Fetch every subscription and store new articles",
		Long: `Fetch the subscribed feeds, several at once, and store their new items with
their quotes. Requests are conditional (ETag, Last-Modified), so unchanged
feeds cost little; a server's Retry-After is respected. Each failure is
reported on one line naming its feed; the others go on.`,
		Example: `  byline fetch
  byline fetch --tag news`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if timeout < 0 {
				return usagef("--timeout must not be negative (0 means the default, %s)", fetch.DefaultTimeout)
			}
			return a.fetchFeeds(cmd.Context(), tag, timeout)
		},
	}
	cmd.Flags().StringVar(&tag, "tag", "", "only the feeds tagged T")
	cmd.Flags().DurationVar(&timeout, "timeout", fetch.DefaultTimeout, "give up on a request after this long")
	return cmd
}

func (a *app) fetchFeeds(ctx context.Context, tag string, timeout time.Duration) error {
	store, err := a.openExistingStore()
	if err != nil {
		return err
	}
	defer store.Close()
	feeds, err := store.Feeds(ctx, tag)
	if err != nil {
		return err
	}
	if len(feeds) == 0 {
		if tag != "" {
			return fmt.Errorf("no subscription is tagged %q", oneLine(tag))
		}
		fmt.Fprintln(a.stderr, "No subscriptions: add one with 'byline feeds add URL'.")
		return nil
	}
	done, fresh := 0, 0
	showProgress := func() {
		if a.stderrTTY {
			fmt.Fprintf(a.stderr, "\r\x1b[2Kfetching: %d/%d feeds, %d new", done, len(feeds), fresh)
		}
	}
	clearProgress := func() {
		if a.stderrTTY {
			fmt.Fprint(a.stderr, "\r\x1b[2K")
		}
	}
	f := &fetch.Fetcher{Store: store, Timeout: timeout, ConnectTimeout: min(timeout, fetch.DefaultConnectTimeout),
		OnResult: func(r fetch.FeedResult) {
			done++
			fresh += r.New
			clearProgress()
			a.reportFeed(r)
			showProgress()
		}}
	start := time.Now()
	showProgress()
	sum, err := f.FetchAll(ctx, feeds)
	clearProgress()
	fmt.Fprintf(a.stdout, "%s from %s: %d read, %d unchanged, %d deferred, %d failed (%s)\n",
		plural(sum.New, "new article"), plural(len(feeds), "feed"), sum.Fetched, sum.NotModified, sum.Deferred, sum.Failed,
		time.Since(start).Round(time.Millisecond))
	if err != nil {
		return err
	}
	if sum.Failed > 0 {
		return fmt.Errorf("%s failed", plural(sum.Failed, "feed"))
	}
	return nil
}

// reportFeed prints a feed's failure, deferral and warnings, one line each,
// naming the feed.
func (a *app) reportFeed(r fetch.FeedResult) {
	name := oneLine(r.Feed.URL)
	for _, w := range r.Warnings {
		a.warnf("%s: %s", name, oneLine(w))
	}
	switch r.Status {
	case fetch.Failed:
		a.errorf("%s: %s", name, oneLine(r.Err.Error()))
	case fetch.Deferred:
		a.errorf("deferred: %s: %s", name, oneLine(r.Err.Error()))
	}
}
