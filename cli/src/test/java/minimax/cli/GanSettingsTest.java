package minimax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import minimax.format.Json;
import org.junit.jupiter.api.Test;

/** run.json keeps the recipe's regularization and discriminator, and a run.json from before they were kept resumes with that version's recipe. */
class GanSettingsTest {
    private static final String OLD = "{\"dataset\":\"%s\",\"loss\":\"non-saturating\",\"steps\":100,\"schedule_steps\":100,\"batch\":8,"
            + "\"seed\":0,\"learning_rate\":0.002,\"eval_every\":10,\"checkpoint_every\":10}";

    @Test
    void recipeSettingsRoundTripThroughRunJson() throws Exception {
        GanSettings s = GanSettings.fromJson(String.format(OLD, "grid"), Path.of("run.json"));
        s.recipeSettingsFrom(GanRecipe.forDataset("grid"));
        GanSettings back = GanSettings.fromJson(Json.write(s.toMap()), Path.of("run.json"));
        assertEquals(0.1, back.r1);
        assertEquals(4, back.r1Every);
        assertEquals(0.999, back.average);
        assertEquals(128, back.discriminatorWidth);
        assertEquals(2, back.discriminatorDepth);
    }

    @Test
    void runJsonWithoutThemGetsThePreviousRecipe() throws Exception {
        GanSettings grid = GanSettings.fromJson(String.format(OLD, "grid"), Path.of("run.json"));
        assertEquals(0.1, grid.r1);
        assertEquals(1, grid.r1Every);
        assertEquals(0.999, grid.average);
        GanSettings ring = GanSettings.fromJson(String.format(OLD, "ring"), Path.of("run.json"));
        assertEquals(0, ring.r1);
        assertEquals(1, ring.r1Every);
        assertEquals(0, ring.average);
        for (GanSettings old : new GanSettings[] {grid, ring}) {
            assertEquals(128, old.discriminatorWidth);
            assertEquals(3, old.discriminatorDepth);
        }
    }
}
