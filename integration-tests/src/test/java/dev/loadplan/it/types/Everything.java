package dev.loadplan.it.types;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A field of every scalar type the processor maps, in {@code ScalarType}'s order; table {@code everything} in
 * {@code schema/types.sql}. Fields are package-private for the generated code; the tests, in another package,
 * write them through the fluent setters and read them through the accessors.
 */
@Entity(table = "everything")
public class Everything {
    @Id long id;
    boolean flag;
    Boolean maybeFlag;
    short small;
    Short maybeSmall;
    int count;
    Integer maybeCount;
    long big;
    Long maybeBig;
    float ratio;
    Float maybeRatio;
    double amount;
    Double maybeAmount;
    String text;
    BigDecimal price;
    UUID reference;
    LocalDate day;
    LocalTime alarm;
    LocalDateTime moment;
    OffsetDateTime instant;
    Instant seen;
    byte[] payload;
    Color color;

    public long id() {
        return id;
    }

    public boolean flag() {
        return flag;
    }

    public Everything flag(boolean flag) {
        this.flag = flag;
        return this;
    }

    public Boolean maybeFlag() {
        return maybeFlag;
    }

    public Everything maybeFlag(Boolean maybeFlag) {
        this.maybeFlag = maybeFlag;
        return this;
    }

    public short small() {
        return small;
    }

    public Everything small(short small) {
        this.small = small;
        return this;
    }

    public Short maybeSmall() {
        return maybeSmall;
    }

    public Everything maybeSmall(Short maybeSmall) {
        this.maybeSmall = maybeSmall;
        return this;
    }

    public int count() {
        return count;
    }

    public Everything count(int count) {
        this.count = count;
        return this;
    }

    public Integer maybeCount() {
        return maybeCount;
    }

    public Everything maybeCount(Integer maybeCount) {
        this.maybeCount = maybeCount;
        return this;
    }

    public long big() {
        return big;
    }

    public Everything big(long big) {
        this.big = big;
        return this;
    }

    public Long maybeBig() {
        return maybeBig;
    }

    public Everything maybeBig(Long maybeBig) {
        this.maybeBig = maybeBig;
        return this;
    }

    public float ratio() {
        return ratio;
    }

    public Everything ratio(float ratio) {
        this.ratio = ratio;
        return this;
    }

    public Float maybeRatio() {
        return maybeRatio;
    }

    public Everything maybeRatio(Float maybeRatio) {
        this.maybeRatio = maybeRatio;
        return this;
    }

    public double amount() {
        return amount;
    }

    public Everything amount(double amount) {
        this.amount = amount;
        return this;
    }

    public Double maybeAmount() {
        return maybeAmount;
    }

    public Everything maybeAmount(Double maybeAmount) {
        this.maybeAmount = maybeAmount;
        return this;
    }

    public String text() {
        return text;
    }

    public Everything text(String text) {
        this.text = text;
        return this;
    }

    public BigDecimal price() {
        return price;
    }

    public Everything price(BigDecimal price) {
        this.price = price;
        return this;
    }

    public UUID reference() {
        return reference;
    }

    public Everything reference(UUID reference) {
        this.reference = reference;
        return this;
    }

    public LocalDate day() {
        return day;
    }

    public Everything day(LocalDate day) {
        this.day = day;
        return this;
    }

    public LocalTime alarm() {
        return alarm;
    }

    public Everything alarm(LocalTime alarm) {
        this.alarm = alarm;
        return this;
    }

    public LocalDateTime moment() {
        return moment;
    }

    public Everything moment(LocalDateTime moment) {
        this.moment = moment;
        return this;
    }

    public Instant seen() {
        return seen;
    }

    public Everything seen(Instant seen) {
        this.seen = seen;
        return this;
    }

    public OffsetDateTime instant() {
        return instant;
    }

    public Everything instant(OffsetDateTime instant) {
        this.instant = instant;
        return this;
    }

    public byte[] payload() {
        return payload;
    }

    public Everything payload(byte[] payload) {
        this.payload = payload;
        return this;
    }

    public Color color() {
        return color;
    }

    public Everything color(Color color) {
        this.color = color;
        return this;
    }
}
