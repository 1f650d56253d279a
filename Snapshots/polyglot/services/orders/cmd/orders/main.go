// Command orders is the starter server scaffold wrote because this folder had no sources yet.
// It is yours: scaffold never rewrites it. It answers the blueprint's health endpoints
// (/health, /ready) and a greeting on `/`, with the standard library only.
package main

import (
	"context"
	"encoding/json"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

const greeting = "hello from orders"

var healthPaths = map[string]bool{ "/health": true, "/ready": true }

// handler answers every request of the starter.
func handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		status, body := http.StatusNotFound, map[string]string{"error": "not found", "path": r.URL.Path}
		switch {
		case healthPaths[r.URL.Path]:
			status, body = http.StatusOK, map[string]string{"status": "ok"}
		case r.URL.Path == "/":
			status, body = http.StatusOK, map[string]string{"message": greeting}
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(body)
	})
}

func main() {
	port := os.Getenv("PORT")
	if port == "" {
		port = "8081"
	}
	server := &http.Server{Addr: ":" + port, Handler: handler(), ReadHeaderTimeout: 5 * time.Second}
	go func() {
		log.Printf("%s: listening on %s", greeting, port)
		if err := server.ListenAndServe(); err != nil && err != http.ErrServerClosed {
			log.Fatal(err)
		}
	}()
	// Stop cleanly when the container stops.
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM, os.Interrupt)
	<-stop
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_ = server.Shutdown(ctx)
}
