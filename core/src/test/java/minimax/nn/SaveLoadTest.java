package minimax.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import minimax.format.FormatException;
import minimax.losses.Loss;
import minimax.losses.Losses;
import minimax.optim.Adam;
import minimax.tensor.Rng;
import minimax.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SaveLoadTest {
    @TempDir
    Path dir;
    private final Rng rng = new Rng(11);
    private final Tensor x = Tensor.uniform(rng, -1f, 1f, 40, 15);
    private final Tensor y = Tensor.uniform(rng, 0f, 1f, 40, 1);

    private static Sequential model() {
        Sequential g = new Sequential(5);
        g.add(new Dense(20, "tanh", 15).kernelInitializer("he_normal"));
        g.add(new Dropout(0.2f));
        g.add(new Dense(1, "sigmoid").useBias(false));
        return g;
    }

    @Test
    void saveLoadPredictIsBitIdentical() throws IOException {
        Sequential g = model();
        g.compile("mse", new Adam(1e-3));
        g.trainOnBatch(x, y);
        Path file = dir.resolve("model.safetensors");
        g.save(file);
        Sequential loaded = Sequential.load(file);
        assertEquals(g.predict(x), loaded.predict(x));
        assertEquals(g.getWeights(), loaded.getWeights());
        assertEquals(g.config(), loaded.config());
        assertTrue(loaded.isCompiled());
        assertTrue(Files.list(dir).allMatch(p -> p.equals(file)), "no temporary file is left behind");
    }

    @Test
    void resumingFromASavedModelEqualsUninterruptedTraining() throws IOException {
        Sequential uninterrupted = model();
        uninterrupted.compile(Losses.mse().negate(), new Adam(1e-2, 0.5f).weightDecay(0.01f));
        Sequential first = model();
        first.compile(Losses.mse().negate(), new Adam(1e-2, 0.5f).weightDecay(0.01f));
        for (int i = 0; i < 5; i++) {
            uninterrupted.trainOnBatch(x, y);
            first.trainOnBatch(x, y);
        }
        Path file = dir.resolve("mid.safetensors");
        first.save(file);
        Sequential resumed = Sequential.load(file);
        for (int i = 0; i < 5; i++) {
            float a = uninterrupted.trainOnBatch(x, y);
            float b = resumed.trainOnBatch(x, y);
            assertEquals(a, b, 0f, "step " + i);
        }
        assertEquals(uninterrupted.getWeights(), resumed.getWeights());
        assertEquals(uninterrupted.steps(), resumed.steps());
    }

    @Test
    void customLossMustBeGivenAgain() throws IOException {
        Loss inverse = (t, p) -> p.sub(t).square().add(1e-7f).reciprocal().mean();
        Sequential g = model();
        g.compile(inverse, new Adam(1e-3));
        g.trainOnBatch(x, y);
        Path file = dir.resolve("custom.safetensors");
        g.save(file);
        FormatException e = assertThrows(FormatException.class, () -> Sequential.load(file));
        assertTrue(e.getMessage().contains("custom loss"), e.getMessage());
        Sequential loaded = Sequential.load(file, inverse);
        assertEquals(g.trainOnBatch(x, y), loaded.trainOnBatch(x, y), 0f);
    }

    @Test
    void frozenTrainedSetSurvivesSaving() throws IOException {
        Sequential d = model();
        d.compile("mse", "adam");
        d.setTrainable(false); // compiled before freezing: still trains everything
        Path file = dir.resolve("d.safetensors");
        d.save(file);
        Sequential loaded = Sequential.load(file);
        assertEquals(loaded.weights(), loaded.trainedVariables());
        assertTrue(loaded.leafLayers().stream().noneMatch(Layer::isTrainable));
    }

    @Test
    void corruptOrTruncatedFilesGiveOneClearError() throws IOException {
        Sequential g = model();
        g.compile("mse", "adam");
        Path file = dir.resolve("m.safetensors");
        g.save(file);
        byte[] bytes = Files.readAllBytes(file);
        for (int cut : new int[] {0, 4, 8, 40, bytes.length / 2, bytes.length - 1}) {
            Path t = dir.resolve("cut" + cut);
            Files.write(t, Arrays.copyOf(bytes, cut));
            FormatException e = assertThrows(FormatException.class, () -> Sequential.load(t), "cut at " + cut);
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
        }
        Path notModel = dir.resolve("plain.txt");
        Files.writeString(notModel, "hello, this is not a model file at all");
        assertThrows(FormatException.class, () -> Sequential.load(notModel));
    }

    @Test
    void failedSaveLeavesThePreviousFile() throws IOException {
        Sequential g = model();
        Path file = dir.resolve("keep.safetensors");
        g.save(file);
        byte[] before = Files.readAllBytes(file);
        Sequential unbuilt = new Sequential(new Dense(3));
        assertThrows(IllegalStateException.class, () -> unbuilt.save(file));
        assertTrue(Arrays.equals(before, Files.readAllBytes(file)));
    }
}
