package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"byline/data"
	"byline/feed"
	"byline/feed/quote"
)

// quoteJSON is one attribution as `extract --json` and `quotes --json` give
// it; missing parts are null.
type quoteJSON struct {
	Text        string  `json:"text"`
	Start       int     `json:"start"`
	End         int     `json:"end"`
	Kind        string  `json:"kind"`
	Cue         *string `json:"cue"`
	CueStart    *int    `json:"cue_start"`
	CueEnd      *int    `json:"cue_end"`
	Source      *string `json:"source"`
	SourceStart *int    `json:"source_start"`
	SourceEnd   *int    `json:"source_end"`
	Speaker     *string `json:"speaker"`
	Role        *string `json:"role"`
}

// storedQuoteJSON adds the article to a quote from the store.
type storedQuoteJSON struct {
	quoteJSON
	ArticleID    int64   `json:"article_id"`
	ArticleTitle string  `json:"article_title"`
	Published    *string `json:"published"`
}

func toQuoteJSON(q data.Quote, offset func(int) int) quoteJSON {
	j := quoteJSON{Text: q.Text, Start: offset(q.Content.Start), End: offset(q.Content.End), Kind: string(q.Kind),
		Speaker: strOrNil(q.Speaker), Role: strOrNil(q.Role)}
	if q.CueSpan.Valid() {
		j.Cue, j.CueStart, j.CueEnd = &q.Cue, ptr(offset(q.CueSpan.Start)), ptr(offset(q.CueSpan.End))
	}
	if q.SourceSpan.Valid() {
		j.Source, j.SourceStart, j.SourceEnd = &q.Source, ptr(offset(q.SourceSpan.Start)), ptr(offset(q.SourceSpan.End))
	}
	return j
}

func ptr(n int) *int { return &n }

func strOrNil(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func identity(n int) int { return n }

func (a *app) extractCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "extract PATH...",
		Short: "Find and attribute the quotes in files, without a store",
		Long: `Run the quote extractor on files (and the article files in folders, as
'byline import' finds them) and print each quote with its kind (direct,
mixed, indirect), cue, source and resolved speaker. With --json, one JSON
object per file per line: {"file": ..., "quotes": [...]}; offsets are bytes of
the file exactly as read, end excluded; missing parts are null. A file that
is neither UTF-8 nor UTF-16 with a byte order mark is read as Windows-1252,
with a warning naming it.`,
		Example: `  byline extract article.txt
  byline extract --json *.txt | jq '.quotes[].speaker'`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("extract needs at least one PATH")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			failed := 0
			var paths []string
			if err := feed.Files(args, func(path string, err error) error {
				if err != nil {
					a.errorf("%v", feed.Problem{File: path, Err: err})
					failed++
					return nil
				}
				paths = append(paths, path)
				return nil
			}); err != nil {
				return err
			}
			for _, path := range paths {
				raw, err := os.ReadFile(path)
				if err != nil {
					a.errorf("%v", err)
					failed++
					continue
				}
				text, offset, fromCP1252 := extractText(raw)
				if fromCP1252 {
					a.warnf("%s: %v", path, feed.ErrCP1252)
				}
				quotes := quote.Extract(text)
				if asJSON {
					out := struct {
						File   string      `json:"file"`
						Quotes []quoteJSON `json:"quotes"`
					}{File: path, Quotes: []quoteJSON{}}
					for _, q := range quotes {
						out.Quotes = append(out.Quotes, toQuoteJSON(q, offset))
					}
					b, err := json.Marshal(out)
					if err != nil {
						return err
					}
					fmt.Fprintf(a.stdout, "%s\n", b)
					continue
				}
				fmt.Fprintf(a.stdout, "%s: %s\n", oneLine(path), plural(len(quotes), "quote"))
				for _, q := range quotes {
					fmt.Fprintf(a.stdout, "  %d-%d %s\n", offset(q.Content.Start), offset(q.Content.End), quoteLine(q))
					if q.CueSpan.Valid() || q.SourceSpan.Valid() {
						fmt.Fprintf(a.stdout, "      cue %q, source %q\n", oneLine(q.Cue), oneLine(q.Source))
					}
				}
			}
			if failed > 0 {
				return fmt.Errorf("%d of %d files could not be read", failed, len(paths)+failed)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object per file per line")
	return cmd
}

// extractText is the text the extractor reads from a file's bytes, and a map
// from its byte offsets back to the file's. Valid UTF-8 is read as is (BOM
// and CRLF included), so offsets are the file's own; otherwise the file is
// decoded as the importer decodes it (Windows-1252 bytes, UTF-16), line ends
// kept, and each offset maps back to the file. The bool says bytes were read
// as Windows-1252, which the importer warns of too.
func extractText(raw []byte) (string, func(int) int, bool) {
	text, offsets, fromCP1252 := feed.DecodeWithOffsets(raw)
	if offsets == nil {
		return text, identity, false
	}
	return text, func(i int) int {
		if i < 0 || i >= len(offsets) {
			return i
		}
		return offsets[i]
	}, fromCP1252
}

func (a *app) quotesCommand() *cobra.Command {
	var speaker, kind string
	var limit int
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "quotes",
		Short: "List quotes from the store, newest first",
		Long: `List the quotes in the store, newest first, each with its speaker, role,
article and date. --speaker takes every speaker closest to NAME, forgiving case,
accents, partial names and small typos ("feltman", "jeffrey", "Feltmann"), and
names them on stderr ("blair": Tony, Cherie and Ian Blair). A quote with no
named speaker shows who the article says spoke ("The mayor"), or "unattributed".
Offsets in --json are bytes, end excluded, from the start of the article's
text (its body, dateline removed), not of all 'byline show' prints: that puts
the title, a source and date line and the URL, then a blank line, above the
text. 'byline show --body ID' prints the text alone, piped byte for byte.`,
		Example: `  byline quotes --speaker feltman
  byline quotes --kind direct --limit 10 --json`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			qq := data.QuoteQuery{Kind: data.QuoteKind(kind)}
			switch qq.Kind {
			case "", data.Direct, data.Mixed, data.Indirect:
			default:
				return usagef("--kind must be direct, mixed or indirect, not %q", kind)
			}
			if limit < 0 {
				return usagef("--limit must be 0 (all) or more")
			}
			if cmd.Flags().Changed("speaker") && strings.TrimSpace(speaker) == "" {
				return usagef("--speaker needs a NAME (without it, quotes lists every speaker's)")
			}
			store, err := a.openExistingStore()
			if err != nil {
				return err
			}
			defer store.Close()
			ctx := cmd.Context()
			if speaker != "" {
				matches, err := store.SearchSpeakers(ctx, speaker, 50)
				if err != nil {
					return err
				}
				// The closest speakers: all those sharing the best score,
				// named on stderr unless the one found is the name asked
				// for ("blair" takes Tony, Cherie and Ian Blair; say so).
				var names []string
				for _, m := range matches {
					if m.Score == matches[0].Score {
						qq.SpeakerIDs = append(qq.SpeakerIDs, m.ID)
						names = append(names, oneLine(m.Name))
					}
				}
				if len(names) > 1 || len(names) == 1 && data.FoldName(names[0]) != data.FoldName(speaker) {
					fmt.Fprintf(a.stderr, "Quotes of %s: the speakers closest to %q.\n", strings.Join(names, ", "), speaker)
				}
				if len(qq.SpeakerIDs) == 0 {
					fmt.Fprintf(a.stderr, "No speaker matches %q (see 'byline speakers').\n", speaker)
					if asJSON {
						fmt.Fprintln(a.stdout, "[]")
					}
					return nil
				}
			}
			out := &jsonArray{w: a.stdout}
			printed := 0
			for limit == 0 || printed < limit {
				qq.Limit = 500
				if limit > 0 {
					qq.Limit = min(500, limit-printed)
				}
				page, err := store.Quotes(ctx, qq)
				if err != nil {
					return err
				}
				for _, it := range page {
					if asJSON {
						j := storedQuoteJSON{quoteJSON: toQuoteJSON(it.Quote, identity), ArticleID: it.ArticleID,
							ArticleTitle: it.ArticleTitle, Published: timeJSON(it.Published)}
						if err := out.add(j); err != nil {
							return err
						}
						continue
					}
					date := ""
					if !it.Published.IsZero() {
						date = it.Published.Format("2006-01-02") + "  "
					}
					fmt.Fprintf(a.stdout, "%s\n    — %s\n    %s#%d %s\n\n", "“"+oneLine(it.Text)+"”",
						speakerLabel(it.Speaker, it.Role), date, it.ArticleID, oneLine(it.ArticleTitle))
				}
				printed += len(page)
				if len(page) < qq.Limit {
					break
				}
				qq.After = page[len(page)-1].Cursor
			}
			if asJSON {
				return out.close()
			}
			if printed == 0 {
				fmt.Fprintln(a.stderr, "No quotes.")
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&speaker, "speaker", "s", "", "only quotes of the speakers closest to NAME")
	cmd.Flags().StringVarP(&kind, "kind", "k", "", "only quotes of this kind: direct, mixed or indirect")
	cmd.Flags().IntVarP(&limit, "limit", "n", 0, "list at most N quotes (0: all)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array")
	return cmd
}

func (a *app) speakersCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "speakers",
		Short: "List the speakers across the store, most quoted first",
		Long: `List the canonical speakers: each person or organisation with the other
names it goes by in the articles and the source phrases as written ("also":
"Mr Blair", "A spokesman for Mr Blair"), its roles, and its numbers of quotes
and articles. "Blair" merges into "Tony Blair" when that is the only
fuller name; ambiguous names ("Clinton" beside Bill and Hillary) stay apart.
A name with a word run into its front, in one or two articles and the name
in four times as many ("Vermonter Bernie Sanders" in one, "Bernie Sanders" in
87), joins the name. A speaker is called by its fullest name, unless another
of its names is in at least twice as many articles ("Hillary Clinton" before
"Hillary Rodham Clinton"). Speakers are merged again after each import and
fetch. What "a spokesman for Mr Blair" said is listed under Tony Blair with
the role "via a spokesman".`,
		Example: `  byline speakers | head
  byline speakers --json`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			store, err := a.openExistingStore()
			if err != nil {
				return err
			}
			defer store.Close()
			list, err := store.Speakers(cmd.Context())
			if err != nil {
				return err
			}
			if asJSON {
				type speakerJSON struct {
					ID       int64    `json:"id"`
					Name     string   `json:"name"`
					Aliases  []string `json:"aliases"`
					Roles    []string `json:"roles"`
					Quotes   int      `json:"quotes"`
					Articles int      `json:"articles"`
				}
				out := &jsonArray{w: a.stdout}
				for _, s := range list {
					j := speakerJSON{ID: s.ID, Name: s.Name, Aliases: s.Aliases, Roles: s.Roles, Quotes: s.Quotes, Articles: s.Articles}
					if j.Aliases == nil {
						j.Aliases = []string{}
					}
					if j.Roles == nil {
						j.Roles = []string{}
					}
					if err := out.add(j); err != nil {
						return err
					}
				}
				return out.close()
			}
			for _, s := range list {
				fmt.Fprintf(a.stdout, "%s  (%s in %s)\n", oneLine(s.Name), plural(s.Quotes, "quote"), plural(s.Articles, "article"))
				if len(s.Aliases) > 0 {
					fmt.Fprintf(a.stdout, "    also: %s\n", oneLine(strings.Join(s.Aliases, "; ")))
				}
				if len(s.Roles) > 0 {
					fmt.Fprintf(a.stdout, "    role: %s\n", oneLine(strings.Join(s.Roles, "; ")))
				}
			}
			if len(list) == 0 {
				fmt.Fprintln(a.stderr, "No speakers yet: add articles with 'byline import PATH'.")
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array")
	return cmd
}
