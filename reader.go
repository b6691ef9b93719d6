package main

import (
	"context"
	"fmt"

	"byline/data"
	"byline/feed"
	"byline/feed/sample"
)

// read opens the reader; on an empty store it first loads the built-in
// sample, so a fresh `go run .` has something to show.
func (a *app) read(ctx context.Context) error {
	store, err := a.openStore()
	if err != nil {
		return err
	}
	defer store.Close()
	if err := loadSampleIfEmpty(ctx, store); err != nil {
		return err
	}
	return a.printList(ctx, store, 0, false)
}

func loadSampleIfEmpty(ctx context.Context, store *data.Store) error {
	counts, err := store.Counts(ctx)
	if err != nil || counts.Articles > 0 {
		return err
	}
	im := &feed.Importer{Store: store}
	if _, err := im.ImportBytes(ctx, "sample.jsonl", sample.JSONL()); err != nil {
		return fmt.Errorf("load the built-in sample: %w", err)
	}
	return nil
}
