package io.omnirec.aws;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds one DynamoDB update expression with generated placeholders, so attribute names taken from ids (an item id,
 * an affinity key) never meet DynamoDB's reserved words or expression syntax.
 */
final class UpdateExpression {
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, AttributeValue> values = new HashMap<>();
    private final List<String> sets = new ArrayList<>();
    private final List<String> adds = new ArrayList<>();
    private final List<String> removes = new ArrayList<>();

    /** {@code SET name = value}. */
    UpdateExpression set(String attribute, AttributeValue value) {
        sets.add(name(attribute) + " = " + value(value));
        return this;
    }

    /** {@code ADD name value}: a number added, or elements added to a set. */
    UpdateExpression add(String attribute, AttributeValue value) {
        adds.add(name(attribute) + " " + value(value));
        return this;
    }

    /** {@code SET name = list_append(if_not_exists(name, []), entries)}. */
    UpdateExpression append(String attribute, List<AttributeValue> entries) {
        String name = name(attribute);
        sets.add(name + " = list_append(if_not_exists(" + name + ", " + value(AttributeValue.fromL(List.of()))
                + "), " + value(AttributeValue.fromL(entries)) + ")");
        return this;
    }

    UpdateExpression remove(String attribute) {
        removes.add(name(attribute));
        return this;
    }

    /** How many actions the expression holds; DynamoDB caps an expression at 4 KB. */
    int size() {
        return sets.size() + adds.size() + removes.size();
    }

    /** A placeholder for a value, for conditions. */
    String value(AttributeValue value) {
        String placeholder = ":v" + values.size();
        values.put(placeholder, value);
        return placeholder;
    }

    /** A placeholder for an attribute name, for conditions. */
    String name(String attribute) {
        String placeholder = "#n" + names.size();
        names.put(placeholder, attribute);
        return placeholder;
    }

    /** Puts the expression, its names and values on {@code request}. */
    UpdateItemRequest.Builder applyTo(UpdateItemRequest.Builder request) {
        List<String> clauses = new ArrayList<>();
        if (!sets.isEmpty()) {
            clauses.add("SET " + String.join(", ", sets));
        }
        if (!adds.isEmpty()) {
            clauses.add("ADD " + String.join(", ", adds));
        }
        if (!removes.isEmpty()) {
            clauses.add("REMOVE " + String.join(", ", removes));
        }
        request.updateExpression(String.join(" ", clauses)).expressionAttributeNames(names);
        return values.isEmpty() ? request : request.expressionAttributeValues(values);
    }
}
