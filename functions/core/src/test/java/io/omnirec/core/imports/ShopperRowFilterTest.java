package io.omnirec.core.imports;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ShopperRowFilterTest {

    static String filter(String userId, boolean jsonLines, String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ShopperRowFilter.copyWithout(userId, jsonLines, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void csv_shouldLoseExactlyTheShoppersRows_includingQuotedAndRejectedOnes() throws IOException {
        assertEquals("user_id,age,gender,region,home_store_id\nu10,30,F,North,\n",
                filter("u1", false, "user_id,age,gender,region,home_store_id\nu1,40,M,South,\nu10,30,F,North,\n"
                        + "\"u1\",41,M,South,store-1\n"));
        assertEquals("line,code,reason,row\n3,invalid_gender,bad,\"u2,30,Q,N,\"\n",
                filter("u1", false, "line,code,reason,row\n2,invalid_gender,bad,\"u1,30,Q,N,\"\n"
                        + "3,invalid_gender,bad,\"u2,30,Q,N,\"\n"));
        assertEquals("user_id,x\n", filter("u1", false, "user_id,x\nu1\"broken,x\n"), "unreadable: removed");
    }

    @Test
    void jsonLines_shouldLoseTheShoppersEvents() throws IOException {
        assertEquals("{\"userId\":\"u2\",\"itemId\":\"u1-item\"}\n", filter("u1", true,
                "{\"userId\":\"u1\",\"itemId\":\"i\"}\n{\"userId\":\"u2\",\"itemId\":\"u1-item\"}\n{u1 broken\n"));
    }
}
