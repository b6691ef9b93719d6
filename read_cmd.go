package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"byline/data"
	"byline/data/termtext"
)

// articleJSON is an article as the --json outputs give it.
type articleJSON struct {
	ID        int64   `json:"id"`
	Title     string  `json:"title"`
	Place     string  `json:"place"`
	Source    string  `json:"source"`
	Author    string  `json:"author"`
	URL       string  `json:"url"`
	Published *string `json:"published"` // RFC 3339, null when unknown
	Quotes    int     `json:"quotes"`
	Snippet   string  `json:"snippet,omitempty"` // search only
}

func toArticleJSON(s data.ArticleSummary) articleJSON {
	return articleJSON{ID: s.ID, Title: s.Title, Place: s.Place, Source: s.Source, Author: s.Author,
		URL: s.URL, Published: timeJSON(s.Published), Quotes: s.QuoteCount}
}

func timeJSON(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.UTC().Format(time.RFC3339)
	return &s
}

// jsonArray streams a JSON array one element at a time, so a list of a
// million articles never sits in memory.
type jsonArray struct {
	w     io.Writer
	count int
}

func (j *jsonArray) add(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	sep := ",\n  "
	if j.count == 0 {
		sep = "[\n  "
	}
	j.count++
	_, err = fmt.Fprintf(j.w, "%s%s", sep, b)
	return err
}

func (j *jsonArray) close() error {
	if j.count == 0 {
		_, err := fmt.Fprintln(j.w, "[]")
		return err
	}
	_, err := fmt.Fprintln(j.w, "\n]")
	return err
}

func (a *app) listCommand() *cobra.Command {
	var limit int
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List articles, newest first",
		Long: `List the articles in the store, newest first (by date published; an article
without a date by when it was added): all of them unless --limit is given,
streamed page by page.`,
		Example: `  byline list --limit 20
  byline list --json | jq '.[].title'`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if limit < 0 {
				return usagef("--limit must be 0 (all) or more")
			}
			store, err := a.openExistingStore()
			if err != nil {
				return err
			}
			defer store.Close()
			return a.printList(cmd.Context(), store, limit, asJSON)
		},
	}
	cmd.Flags().IntVarP(&limit, "limit", "n", 0, "list at most N articles (0: all)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array")
	return cmd
}

func (a *app) printList(ctx context.Context, store *data.Store, limit int, asJSON bool) error {
	out := &jsonArray{w: a.stdout}
	printed := 0
	var after data.Cursor
	for limit == 0 || printed < limit {
		pageSize := 500
		if limit > 0 && limit-printed < pageSize {
			pageSize = limit - printed
		}
		page, err := store.List(ctx, data.ListQuery{After: after, Limit: pageSize})
		if err != nil {
			return err
		}
		for _, it := range page {
			if asJSON {
				if err := out.add(toArticleJSON(it.ArticleSummary)); err != nil {
					return err
				}
			} else {
				fmt.Fprintln(a.stdout, articleLine(it.ArticleSummary))
			}
		}
		printed += len(page)
		if len(page) < pageSize {
			break
		}
		after = page[len(page)-1].Cursor
	}
	if asJSON {
		return out.close()
	}
	if printed == 0 {
		fmt.Fprintln(a.stderr, "The store is empty: add articles with 'byline import PATH'.")
	}
	return nil
}

// articleLine is one article in the text listings.
func articleLine(s data.ArticleSummary) string {
	date := "undated   " // (a blank column read as a missing field)
	if !s.Published.IsZero() {
		date = s.Published.Format("2006-01-02")
	}
	var meta []string
	for _, m := range []string{s.Place, s.Source} {
		if m != "" {
			meta = append(meta, termtext.Clean(m))
		}
	}
	if s.QuoteCount > 0 {
		meta = append(meta, plural(s.QuoteCount, "quote"))
	}
	line := fmt.Sprintf("%6d  %s  %s", s.ID, date, oneLine(s.Title))
	if len(meta) > 0 {
		line += "  (" + strings.Join(meta, ", ") + ")"
	}
	return line
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// oneLine makes article text safe and single-line for a listing.
func oneLine(s string) string {
	return strings.Join(strings.Fields(termtext.Clean(s)), " ")
}

func (a *app) searchCommand() *cobra.Command {
	var limit int
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "search QUERY",
		Short: "Full-text search over titles and bodies, best match first",
		Long: `Search the articles' titles and text (FTS5, ranked by BM25 with titles weighted
above bodies), printing a snippet of each hit. All words must match; word*
matches a prefix; "a phrase" matches a phrase.`,
		Example: `  byline search "maternity pay"
  byline search 'feltm*' --json`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 || strings.TrimSpace(strings.Join(args, " ")) == "" {
				return usagef("search needs a QUERY")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if limit < 1 {
				// The store reads 0 or less as its own default, 50:
				// not what 0 means to 'list' and 'quotes' (all).
				return usagef("--limit must be 1 or more")
			}
			store, err := a.openExistingStore()
			if err != nil {
				return err
			}
			defer store.Close()
			hits, err := store.Search(cmd.Context(), strings.Join(args, " "), limit)
			if err != nil {
				return err
			}
			if asJSON {
				out := &jsonArray{w: a.stdout}
				for _, h := range hits {
					j := toArticleJSON(h.ArticleSummary)
					j.Snippet = plainSnippet(h.Snippet)
					if err := out.add(j); err != nil {
						return err
					}
				}
				return out.close()
			}
			if len(hits) == 0 {
				fmt.Fprintln(a.stderr, "No articles match.")
				return nil
			}
			for _, h := range hits {
				fmt.Fprintln(a.stdout, articleLine(h.ArticleSummary))
				fmt.Fprintln(a.stdout, "        "+a.markSnippet(h.Snippet))
			}
			return nil
		},
	}
	cmd.Flags().IntVarP(&limit, "limit", "n", 20, "show at most N hits")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array")
	return cmd
}

// plainSnippet removes the match markers.
func plainSnippet(s string) string {
	s = strings.ReplaceAll(s, data.MatchStart, "")
	return oneLine(strings.ReplaceAll(s, data.MatchEnd, ""))
}

// markSnippet shows matches in bold on a terminal, between [ ] otherwise.
func (a *app) markSnippet(s string) string {
	open, shut := "[", "]"
	if a.stdoutTTY && !noColor() {
		open, shut = "\x1b[1m", "\x1b[0m"
	}
	s = oneLine(s)
	s = strings.ReplaceAll(s, data.MatchStart, open)
	return strings.ReplaceAll(s, data.MatchEnd, shut)
}
