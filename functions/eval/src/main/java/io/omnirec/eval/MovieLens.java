package io.omnirec.eval;

import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.Channel;
import io.omnirec.core.domain.Customer;
import io.omnirec.core.domain.EventType;
import io.omnirec.core.domain.ShopperEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * MovieLens 100K as retail data: movies become catalog items (category {@code Movies/<first genre>}, brand the
 * release decade), users become customers (region from the first digit of the zip code), every rating becomes a
 * purchase at its own time. The data is read from its directory and never copied.
 */
final class MovieLens {
    static final String[] GENRES = {"unknown", "Action", "Adventure", "Animation", "Children's", "Comedy", "Crime",
        "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi",
        "Thriller", "War", "Western"};

    /** One line of {@code u.data}, with its 1-based line number. */
    record Rating(int line, String userId, String itemId, Instant time) {
        ShopperEvent asPurchase() {
            return new ShopperEvent("ml" + line, userId, itemId, EventType.PURCHASE, time, Channel.WEB, null, null,
                    null);
        }
    }

    final List<CatalogItem> items;
    final List<Customer> customers;
    final List<Rating> ratings;

    private MovieLens(List<CatalogItem> items, List<Customer> customers, List<Rating> ratings) {
        this.items = items;
        this.customers = customers;
        this.ratings = ratings;
    }

    static MovieLens read(Path dir) {
        try {
            List<CatalogItem> items = new ArrayList<>();
            for (String line : Files.readAllLines(dir.resolve("u.item"), StandardCharsets.ISO_8859_1)) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\\|", -1);
                String genre = "unknown";
                for (int g = 0; g < GENRES.length; g++) {
                    if ("1".equals(f[5 + g])) {
                        genre = GENRES[g];
                        break;
                    }
                }
                String date = f[2];
                String decade = date.length() >= 4 ? date.substring(date.length() - 4, date.length() - 1) + "0s"
                        : "unknown";
                String title = f[1].isBlank() ? "Movie " + f[0] : f[1];
                items.add(new CatalogItem("m" + f[0], title, "Movies/" + genre, decade, 0, false));
            }
            List<Customer> customers = new ArrayList<>();
            for (String line : Files.readAllLines(dir.resolve("u.user"), StandardCharsets.ISO_8859_1)) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\\|", -1);
                String zip = f[4];
                String region = !zip.isEmpty() && Character.isDigit(zip.charAt(0)) ? "zip" + zip.charAt(0) : "intl";
                customers.add(new Customer("u" + f[0], Integer.parseInt(f[1]), f[2], region, ""));
            }
            List<Rating> ratings = new ArrayList<>();
            int number = 0;
            for (String line : Files.readAllLines(dir.resolve("u.data"), StandardCharsets.ISO_8859_1)) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                ratings.add(new Rating(number, "u" + f[0], "m" + f[1], Instant.ofEpochSecond(Long.parseLong(f[3]))));
            }
            return new MovieLens(items, customers, ratings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 1-based line numbers of a split file's test rows. */
    static Set<Integer> testLines(Path file) {
        try {
            Set<Integer> lines = new HashSet<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    lines.add(Integer.parseInt(line.strip()));
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An item-stratified split of {@code rows} like the published protocol's: per item, a seeded random share
     * {@code ratio} (rounded, at least one) stays in train. Used to carve a validation split from training rows.
     */
    static List<List<Rating>> stratifiedByItem(List<Rating> rows, double ratio, long seed) {
        Map<String, List<Rating>> byItem = new LinkedHashMap<>();
        for (Rating r : rows) {
            byItem.computeIfAbsent(r.itemId(), k -> new ArrayList<>()).add(r);
        }
        Random random = new Random(seed);
        List<Rating> train = new ArrayList<>();
        List<Rating> test = new ArrayList<>();
        for (List<Rating> group : byItem.values()) {
            java.util.Collections.shuffle(group, random);
            int keep = Math.max(1, (int) Math.round(ratio * group.size()));
            train.addAll(group.subList(0, keep));
            test.addAll(group.subList(keep, group.size()));
        }
        train.sort(java.util.Comparator.comparingInt(Rating::line));
        test.sort(java.util.Comparator.comparingInt(Rating::line));
        return List.of(train, test);
    }

    /** Relevant items per user. */
    static Map<String, Set<String>> byUser(List<Rating> rows) {
        Map<String, Set<String>> relevant = new HashMap<>();
        for (Rating r : rows) {
            relevant.computeIfAbsent(r.userId(), k -> new HashSet<>()).add(r.itemId());
        }
        return relevant;
    }
}
