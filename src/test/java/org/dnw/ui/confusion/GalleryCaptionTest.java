package org.dnw.ui.confusion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The confusion gallery's captions read as a sentence, not as "predicted: 5 87 % / true: 6 0 %".
 */
class GalleryCaptionTest {

    private static final List<String> DIGITS =
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private static String caption(GalleryItem item, List<String> names) {
        return ConfusionView.caption(item, names).replace('\u00a0', ' ');
    }

    @Test
    void aMistakeSaysWhatWasPredictedAndWhatWasTrueEachWithItsProbability() {
        GalleryItem item = new GalleryItem(12, 6, 5, 0.87, 0.004, null);
        assertThat(caption(item, DIGITS)).isEqualTo("predicted 5 (87 %) — true 6 (0 %)");
    }

    @Test
    void aCorrectSampleSaysOnlyWhatWasPredicted() {
        GalleryItem item = new GalleryItem(3, 5, 5, 0.99, 0.99, null);
        assertThat(caption(item, DIGITS)).isEqualTo("predicted 5 (99 %)");
    }

    @Test
    void aClassNameWithSpacesStaysOnOneLine() {
        List<String> names = List.of("ankle boot", "T-shirt/top");
        GalleryItem item = new GalleryItem(0, 1, 0, 0.77, 0.2, null);
        String text = ConfusionView.caption(item, names);
        assertThat(text).contains("ankle\u00a0boot\u00a0(77\u00a0%)");
        assertThat(text.indexOf(' '))
                .as("the only breakable space is before the dash")
                .isEqualTo(text.indexOf(" —"));
    }
}
