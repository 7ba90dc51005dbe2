package io.passerelle.graph.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.contracts.json.EventJson;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublishCursorTest {

    @Test
    void withoutBoundariesOneLaneCoversEveryKeyAfterTheStart() {
        assertThat(PublishCursor.Lane.covering("", "", List.of()))
                .containsExactly(new PublishCursor.Lane("", "", null, null, false));
    }

    @Test
    void eachBoundaryEndsALaneAndTheNextStartsAfterIt() {
        List<PublishCursor.Lane> lanes = PublishCursor.Lane.covering("owner-a", "c-9",
                List.of(new String[] {"owner-b", "c-1"}, new String[] {"owner-c", "c-5"}));

        assertThat(lanes).containsExactly(
                new PublishCursor.Lane("owner-a", "c-9", "owner-b", "c-1", false),
                new PublishCursor.Lane("owner-b", "c-1", "owner-c", "c-5", false),
                new PublishCursor.Lane("owner-c", "c-5", null, null, false));
    }

    @Test
    void aLaneMovesAfterItsLastPageAndKeepsItsBound() {
        PublishCursor.Lane lane = new PublishCursor.Lane("", "", "owner-b", "c-1", false);

        assertThat(lane.after("owner-a", "c-3")).isEqualTo(new PublishCursor.Lane("owner-a", "c-3", "owner-b", "c-1", false));
        assertThat(lane.after("owner-a", "c-3").finished()).isEqualTo(new PublishCursor.Lane("owner-a", "c-3", "owner-b", "c-1", true));
    }

    @Test
    void aCursorWithLanesIsStoredAndReadBackAsItWas() throws Exception {
        List<PublishCursor.Lane> planned = PublishCursor.Lane.covering("", "", List.<String[]>of(new String[] {"owner-b", "c-1"}));
        PublishCursor cursor = PublishCursor.start(PublishCursor.Phase.TIES)
                .withLanes(List.of(planned.get(0).after("owner-a", "c-2"), planned.get(1).finished()));

        assertThat(EventJson.read(EventJson.write(cursor), PublishCursor.class)).isEqualTo(cursor);
    }

    @Test
    void aCursorStoredBeforeLanesIsReadWithoutLanes() throws Exception {
        PublishCursor cursor = EventJson.read("{\"phase\":\"TIES\",\"ownerId\":\"owner-a\",\"contactId\":\"c-2\"}", PublishCursor.class);

        assertThat(cursor).isEqualTo(new PublishCursor(PublishCursor.Phase.TIES, "owner-a", "c-2"));
        assertThat(cursor.lanes()).isNull();
    }
}
