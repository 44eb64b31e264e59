package org.dnw.app;

import java.util.function.Consumer;
import org.dnw.ui.runs.RunExportViewModel;
import org.dnw.ui.workbench.WorkbenchView;
import org.dnw.ui.workbench.WorkbenchViewModel;

/**
 * Export ▸ PyTorch… / ONNX… in the window: the File menu's items, the window's status line saying
 * what the export did (an export started from the File menu may run while another tab is in front),
 * and the exported folder opened the way written reports are.
 */
final class RunExportWiring {

    private RunExportWiring() {}

    /**
     * @param openDocument shows a URI in the system's browser or file manager; FX thread
     */
    static void link(
            RunExportViewModel export,
            WorkbenchView view,
            WorkbenchViewModel workbench,
            Consumer<String> openDocument) {
        WorkbenchMenus.addExportMenu(view, export);
        export.job()
                .statusProperty()
                .addListener(
                        (obs, was, now) -> {
                            if (!now.isEmpty()) {
                                workbench.showStatus(now);
                            }
                        });
        export.job()
                .errorProperty()
                .addListener(
                        (obs, was, now) -> {
                            if (!now.isEmpty()) {
                                workbench.showStatus(now);
                            }
                        });
        export.setOpenFolder(
                folder -> {
                    try {
                        openDocument.accept(folder.toUri().toString());
                    } catch (RuntimeException noBrowser) {
                        workbench.showStatus(
                                "No file browser could be started here: the export is in "
                                        + folder
                                        + ".");
                    }
                });
    }
}
