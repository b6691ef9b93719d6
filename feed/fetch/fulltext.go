package fetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
)

// maxPageElements bounds the HTML elements readability scores on one page,
// so a hostile page costs bounded time.
const maxPageElements = 200_000

// errNoText is a page where readability found no article.
var errNoText = errors.New("no article text found on the page")

// fullText replaces a summary-only item's body by the main text of the page
// it links to. On failure the item keeps its summary and the error says why.
func (f *Fetcher) fullText(ctx context.Context, it *item) error {
	link := it.article.URL
	release := f.hostSlot(ctx, link)
	if release == nil {
		return ctx.Err()
	}
	defer release()
	reqCtx, cancel := context.WithTimeout(ctx, f.timeout())
	defer cancel()
	resp, err := get(reqCtx, f.client(), link, "", "", f.maxBody(), "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
	if err != nil {
		return timeoutError(err, reqCtx, f.timeout())
	}
	if ct := strings.ToLower(resp.contentType); ct != "" && !strings.Contains(ct, "html") {
		return fmt.Errorf("the page is %s, not HTML", cleanLine(ct))
	}
	parser := readability.NewParser()
	parser.MaxElemsToParse = maxPageElements
	page, err := parser.Parse(bytes.NewReader(resp.body), resp.finalURL)
	if err != nil {
		return fmt.Errorf("read page: %s", cleanLine(err.Error()))
	}
	if page.Node == nil {
		return errNoText
	}
	paras, links := nodeParagraphs(page.Node, resp.finalURL)
	text := strings.Join(paras, "\n\n")
	summary, _ := SplitLinks(it.article.Body)
	if len(strings.Fields(text)) <= len(strings.Fields(summary)) {
		return errNoText
	}
	it.article.Body = withLinks(text, links)
	if it.article.Author == "" {
		it.article.Author = cleanLine(page.Byline())
	}
	return nil
}
