package dev.td.server.wiring;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A PostgreSQL URL as users write it ({@code postgresql://user:pw@host/db}) or as JDBC wants it, split
 * into a JDBC URL without credentials and the user and password (empty when not given): the driver
 * prefers a URL's user to the one it is handed, so a URL that names one cannot log in as another.
 */
public record ConnectionUrl(String jdbcUrl, String user, String password) {

    public static ConnectionUrl parse(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            URI uri = URI.create(url.substring("jdbc:".length()));
            String user = queryParam(uri, "user");
            String password = queryParam(uri, "password");
            return new ConnectionUrl(withoutCredentials(url), user, password);
        }
        if (url.startsWith("postgresql://") || url.startsWith("postgres://")) {
            URI uri = URI.create(url);
            String userInfo = uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo();
            String[] parts = userInfo.split(":", 2);
            String user = decode(parts[0]);
            String password = parts.length > 1 ? decode(parts[1]) : "";
            int port = uri.getPort() < 0 ? 5432 : uri.getPort();
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return new ConnectionUrl(
                    withoutCredentials("jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query),
                    user,
                    password);
        }
        throw new IllegalArgumentException("database URL must start with postgresql:// or jdbc:postgresql:, got "
                + url.replaceAll(":[^:@/]*@", ":***@"));
    }

    private static String withoutCredentials(String jdbcUrl) {
        int q = jdbcUrl.indexOf('?');
        if (q < 0) {
            return jdbcUrl;
        }
        String kept = java.util.Arrays.stream(jdbcUrl.substring(q + 1).split("&", -1))
                .filter(pair -> !pair.isEmpty())
                .filter(pair -> {
                    String name = pair.split("=", 2)[0];
                    return !name.equals("user") && !name.equals("password");
                })
                .collect(java.util.stream.Collectors.joining("&"));
        return jdbcUrl.substring(0, q) + (kept.isEmpty() ? "" : "?" + kept);
    }

    private static String queryParam(URI uri, String name) {
        String query = uri.getRawQuery();
        if (query == null) {
            return "";
        }
        for (String pair : query.split("&", -1)) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name) && kv.length == 2) {
                return decode(kv[1]);
            }
        }
        return "";
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
