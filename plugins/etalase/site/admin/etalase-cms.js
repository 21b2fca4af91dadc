// Etalase's addition to Decap CMS (vendored in decap/): its interface in Indonesian, which Decap
// does not ship; phrases left out here fall back to Decap's English.
(function () {
  "use strict";
  var CMS = window.CMS;

  // `serve` adds MkDocs' live-reload script after these, which reloads the page whenever the
  // preview rebuilds (after "Terbitkan" too): in the editor that would drop the open form. Its
  // `var livereload = ...` cannot replace a read-only global, so the call does nothing here.
  Object.defineProperty(window, "livereload", {value: function () {}, writable: false});

  CMS.registerLocale("id", {
    auth: {
      login: "Masuk", loggingIn: "Sedang masuk...", loginWithGitHub: "Masuk dengan GitHub",
      loginWithGitLab: "Masuk dengan GitLab",
      errors: {email: "Isi alamat email Anda.", password: "Isi kata sandi Anda."},
    },
    app: {
      header: {content: "Isi", workflow: "Alur tinjauan", media: "Media", quickAdd: "Tambah cepat"},
      app: {errorHeader: "Konfigurasi penyunting tidak dapat dimuat", configErrors: "Kesalahan konfigurasi",
            checkConfigYml: "Periksa berkas config.yml.", loadingConfig: "Memuat konfigurasi...",
            waitingBackend: "Menunggu server..."},
      notFoundPage: {header: "Tidak ditemukan"},
    },
    collection: {
      sidebar: {collections: "Koleksi", allCollections: "Semua koleksi", searchAll: "Cari di semua",
                searchIn: "Cari di"},
      collectionTop: {sortBy: "Urutkan menurut", viewAs: "Tampilkan sebagai", viewAsList: "Tampilan daftar",
                      viewAsGrid: "Tampilan kisi", newButton: "＋ %{collectionLabel} baru",
                      newButtonAriaLabel: "Buat %{collectionLabel} baru", ascending: "Naik", descending: "Turun",
                      searchResults: "Hasil pencarian \"%{searchTerm}\"",
                      searchResultsInCollection: "Hasil pencarian \"%{searchTerm}\" di %{collection}",
                      filterBy: "Saring menurut", groupBy: "Kelompokkan menurut"},
      entries: {loadingEntries: "Memuat data...", cachingEntries: "Menyimpan data sementara...",
                longerLoading: "Ini bisa memakan beberapa menit", noEntries: "Belum ada data",
                unpublishedHeader: "Belum diterbitkan"},
      groups: {other: "Lainnya", negateLabel: "Bukan %{label}"},
      defaultFields: {author: {label: "Penulis"}, updatedOn: {label: "Diperbarui"}},
    },
    editor: {
      editorControl: {field: {optional: "tidak wajib", widgetLabel: "kolom %{widgetLabel}"}},
      editorControlPane: {
        widget: {
          required: "%{fieldLabel} wajib diisi.",
          regexPattern: "%{fieldLabel} tidak sesuai: %{pattern}.",
          processing: "%{fieldLabel} sedang diproses.",
          range: "%{fieldLabel} harus di antara %{minValue} dan %{maxValue}.",
          min: "%{fieldLabel} paling kecil %{minValue}.",
          max: "%{fieldLabel} paling besar %{maxValue}.",
          rangeCount: "%{fieldLabel} harus berisi %{minCount} sampai %{maxCount} butir.",
          rangeCountExact: "%{fieldLabel} harus berisi tepat %{count} butir.",
          rangeMin: "%{fieldLabel} paling sedikit %{minCount} butir.",
          rangeMax: "%{fieldLabel} paling banyak %{maxCount} butir.",
          invalidPath: "'%{path}' bukan path yang sah",
          pathExists: "Path '%{path}' sudah ada",
        },
      },
      editor: {
        onLeavePage: "Yakin ingin meninggalkan halaman ini?",
        onUpdatingWithUnsavedChanges: "Ada perubahan yang belum disimpan; simpan dulu sebelum mengubah status.",
        onPublishingNotReady: "Ubah status menjadi \"Siap\" sebelum menerbitkan.",
        onPublishingWithUnsavedChanges: "Ada perubahan yang belum disimpan; simpan dulu sebelum menerbitkan.",
        onPublishing: "Yakin ingin menerbitkan data ini?",
        onUnpublishing: "Yakin ingin menarik data ini dari situs?",
        onDeleteWithUnsavedChanges: "Yakin ingin menghapus data yang sudah terbit ini beserta perubahan yang belum disimpan?",
        onDeletePublishedEntry: "Yakin ingin menghapus data yang sudah terbit ini?",
        onDeleteUnpublishedChangesWithUnsavedChanges: "Semua perubahan yang belum diterbitkan dan yang belum disimpan akan dihapus. Lanjutkan?",
        onDeleteUnpublishedChanges: "Semua perubahan yang belum diterbitkan akan dihapus. Lanjutkan?",
        loadingEntry: "Memuat data...",
        confirmLoadBackup: "Ada salinan cadangan data ini di peramban. Pakai salinan itu?",
      },
      editorInterface: {togglePreview: "Tampilkan/sembunyikan pratinjau", toggleScrollSync: "Gulir bersamaan"},
      editorToolbar: {
        publishing: "Menerbitkan...", publish: "Terbitkan", published: "Sudah terbit", unpublish: "Tarik dari situs",
        duplicate: "Gandakan", unpublishing: "Menarik...", publishAndCreateNew: "Terbitkan dan buat baru",
        publishAndDuplicate: "Terbitkan dan gandakan", deleteUnpublishedChanges: "Hapus perubahan yang belum terbit",
        deleteUnpublishedEntry: "Hapus data yang belum terbit", deletePublishedEntry: "Hapus data yang sudah terbit",
        deleteEntry: "Hapus data", saving: "Menyimpan...", save: "Simpan",
        statusInfoTooltipDraft: "Status data: draf. Untuk mengajukan tinjauan, ubah status menjadi \"Ditinjau\".",
        statusInfoTooltipInReview: "Data sedang ditinjau. Anda masih boleh mengubahnya selama ditinjau.",
        deleting: "Menghapus...", updating: "Memperbarui...", status: "Status: %{status}",
        backCollection: " Menulis di koleksi %{collectionLabel}", unsavedChanges: "Belum disimpan",
        changesSaved: "Perubahan tersimpan", draft: "Draf", inReview: "Ditinjau", ready: "Siap",
        publishNow: "Terbitkan sekarang", deployPreviewPendingButtonLabel: "Periksa pratinjau",
        deployPreviewButtonLabel: "Lihat pratinjau", deployButtonLabel: "Lihat di situs",
      },
      editorWidgets: {
        markdown: {bold: "Tebal", italic: "Miring", strikethrough: "Coret", code: "Kode", link: "Tautan",
                   linkPrompt: "Masukkan alamat tautan", headings: "Judul bagian", quote: "Kutipan",
                   bulletedList: "Daftar berbutir", numberedList: "Daftar bernomor", addComponent: "Tambah komponen",
                   richText: "Teks", markdown: "Markdown",
                   toggleMode: {rich: "Beralih ke mode teks", markdown: "Beralih ke mode Markdown"}},
        image: {choose: "Pilih gambar", chooseMultiple: "Pilih gambar", chooseDifferent: "Pilih gambar lain",
                addMore: "Tambah gambar", remove: "Hapus gambar", removeAll: "Hapus semua gambar"},
        file: {choose: "Pilih berkas", chooseMultiple: "Pilih berkas", chooseDifferent: "Pilih berkas lain",
               addMore: "Tambah berkas", remove: "Hapus berkas", removeAll: "Hapus semua berkas"},
        datetime: {now: "Sekarang", clear: "Kosongkan", setToNow: "Isi %{fieldLabel} dengan hari ini"},
        list: {add: "Tambah %{item}", addType: "Tambah %{item}"},
        object: {expand: "Buka", collapse: "Tutup"},
      },
    },
    mediaLibrary: {
      mediaLibraryCard: {draft: "Draf", copy: "Salin", copyUrl: "Salin URL", copyPath: "Salin path",
                         copyName: "Salin nama", copied: "Tersalin"},
      mediaLibrary: {onDelete: "Yakin ingin menghapus media yang dipilih?",
                     fileTooLarge: "Berkas terlalu besar.\nPaling besar %{size} kB."},
      mediaLibraryModal: {loading: "Memuat...", close: "Tutup", noResults: "Tidak ada hasil.",
                          noAssetsFound: "Belum ada media.", noImagesFound: "Belum ada gambar.", private: "Privat ",
                          images: "Gambar", mediaAssets: "Media", search: "Cari...", uploading: "Mengunggah...",
                          upload: "Unggah", download: "Unduh", deleting: "Menghapus...",
                          deleteSelected: "Hapus yang dipilih", chooseSelected: "Pakai yang dipilih"},
    },
    ui: {
      default: {goBackToSite: "Kembali ke situs"},
      errorBoundary: {title: "Kesalahan", details: "Terjadi kesalahan; silakan ", reportIt: "laporkan di GitHub.",
                      detailsHeading: "Rincian"},
      settingsDropdown: {logOut: "Keluar", account: "Pilihan akun"},
      toast: {
        onFailToLoadEntries: "Data gagal dimuat: %{details}", onFailToPersist: "Data gagal disimpan: %{details}",
        onFailToDelete: "Data gagal dihapus: %{details}", onFailToUpdateStatus: "Status gagal diubah: %{details}",
        missingRequiredField: "Ada kolom wajib yang belum diisi. Lengkapi dulu sebelum menyimpan.",
        entrySaved: "Data tersimpan", entryPublished: "Data diterbitkan", entryUnpublished: "Data ditarik dari situs",
        onFailToPublishEntry: "Gagal menerbitkan: %{details}", entryUpdated: "Status data diperbarui",
        onDeleteUnpublishedChanges: "Perubahan yang belum terbit dihapus",
        onLoggedOut: "Anda sudah keluar; simpan salinan data Anda lalu masuk lagi",
        onBackendDown: "Layanan git sedang terganggu. Lihat %{details}.",
      },
    },
    workflow: {
      workflow: {loading: "Memuat alur tinjauan", workflowHeading: "Alur tinjauan", newPost: "Data baru",
                 description: "%{smart_count} data menunggu tinjauan, %{readyCount} siap terbit.",
                 dateFormat: "D MMMM"},
      workflowCard: {lastChange: "%{date} oleh %{author}", lastChangeNoAuthor: "%{date}",
                     lastChangeNoDate: "oleh %{author}", deleteChanges: "Hapus perubahan",
                     deleteNewEntry: "Hapus data baru", publishChanges: "Terbitkan perubahan",
                     publishNewEntry: "Terbitkan data baru"},
      workflowList: {onDeleteEntry: "Yakin ingin menghapus data ini?",
                     onPublishingNotReadyEntry: "Hanya data berstatus \"Siap\" yang dapat diterbitkan. Seret kartunya ke kolom \"Siap\".",
                     onPublishEntry: "Yakin ingin menerbitkan data ini?", draftHeader: "Draf",
                     inReviewHeader: "Ditinjau", readyHeader: "Siap", currentEntries: "%{smart_count} data"},
    },
  });

  CMS.init();
})();
